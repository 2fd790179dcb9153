/**
 * Each package's main entry exports its documented API (its README) and nothing else; what the packages share
 * with each other is behind `@sso-kit/token-provider/internal`, which is not covered by semver. Checked on the
 * built packages (`pnpm build` first) in a plain `node` child, through `require` and `import` as a user would.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const ROOT = join(__dirname, "../..");

/** The runtime exports each README documents (types are not runtime keys). */
const DOCUMENTED: Record<string, string[]> = {
  "@sso-kit/token-provider": ["SsoTokenCache", "fromSso", "fromSsoSession"],
  "@sso-kit/credential-provider": ["SsoCredentialsProviderError", "fromSSO"],
  "@sso-kit/login": ["LoginError", "login", "logout", "platformBrowserOpener"],
  "@sso-kit/emulator": ["runEmulatorCli", "startEmulator"],
  "@sso-kit/cli": ["ExitCode", "runCli"],
};

/** Resolved from the repository root, where every package is a dependency, as from an app's. */
const SCRIPT = `
const names = JSON.parse(process.argv[1]);
const keys = (module) => Object.keys(module).filter((key) => key !== "default" && key !== "module.exports").sort();
const result = {};
for (const name of names) {
  result[name] = { require: keys(require(name)), import: keys(await import(name)) };
}
result.internal = { require: keys(require("@sso-kit/token-provider/internal")), import: keys(await import("@sso-kit/token-provider/internal")) };
const [main, shared] = [await import("@sso-kit/token-provider"), await import("@sso-kit/token-provider/internal")];
result.oneCopy = main.SsoTokenCache === shared.SsoTokenCache &&
  require("@sso-kit/token-provider").SsoTokenCache === require("@sso-kit/token-provider/internal").SsoTokenCache;
console.log(JSON.stringify(result));
`;

let exported: Record<string, { require: string[]; import: string[] }> & { oneCopy?: boolean };

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module"; const require = createRequire("${ROOT}/package.json");\n${SCRIPT}`,
      JSON.stringify(Object.keys(DOCUMENTED)),
    ],
    { cwd: ROOT, env: { PATH: process.env.PATH, NODE_NO_WARNINGS: "1" }, timeout: 20_000 },
  );
  exported = JSON.parse(stdout) as typeof exported;
});

test.each(Object.entries(DOCUMENTED))(
  "%s exports its documented API only, to require and import alike",
  (name, names) => {
    expect(exported[name]).toEqual({ require: names, import: names });
  },
);

test("@sso-kit/token-provider/internal holds what the packages share, the public API included, one copy", () => {
  const internal = exported.internal!;
  expect(internal.import).toEqual(internal.require);
  expect(exported.oneCopy).toBe(true);
  expect(internal.require).toEqual(
    expect.arrayContaining(["fromSso", "processWide", "redactSecrets", "withFileLock"]),
  );
});
