/**
 * What a program loads, and when: checked in a plain `node` child process running the built CommonJS package
 * (`pnpm build` first, as CI does), by looking at what it has `require`d. Importing the provider loads none of the
 * heavy dependencies; `@aws-sdk/client-sso` (and with it the SDK's HTTP handler) is loaded on the first
 * GetRoleCredentials call only, and `@aws-sdk/client-sts` on the first AssumeRole of a role chain only: a plain SSO
 * profile never loads it. Of sso-kit's own modules, a valid token's resolve loads the start-up path only
 * (`internal/core.js` of both packages): the rest (`internal.js`: refreshing, locking, role chains, failure
 * reports) is loaded by the first call that needs it, here the role chain. The ES build (second test) loads those
 * CommonJS packages with `require()` too.
 */
import { execFile } from "node:child_process";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { useSsoProfiles } from "../support/credential-provider/useSsoProfiles";

const PACKAGE_DIR = join(__dirname, "../../packages/credential-provider");

const env = useSsoProfiles();

const SCRIPT = `
const { sep } = require("node:path");
const loaded = () => {
  const paths = Object.keys(require.cache);
  const has = (name) => paths.some((path) => path.includes(\`\${sep}\${name.replace("/", sep)}\${sep}\`));
  const modules = ["@aws-sdk/client-sso", "@aws-sdk/client-sts", "@smithy/node-http-handler", "@smithy/property-provider", "@smithy/shared-ini-file-loader", "@smithy/core"]
    .filter(has);
  if (process.moduleLoadList.includes("NativeModule crypto")) modules.push("node:crypto");
  return modules.join(" ");
};
const ownModules = () =>
  Object.keys(require.cache)
    .map((path) => path.split(sep))
    .filter((parts) => parts.includes("dist") && ["token-provider", "credential-provider"].includes(parts[parts.indexOf("dist") - 1]))
    .map((parts) => parts[parts.indexOf("dist") - 1] + ":" + parts.slice(parts.indexOf("dist") + 2).join("/").replace(".js", ""))
    .sort()
    .join(" ");
const { fromSSO } = require(process.argv[2]);
(async () => {
  const seen = { afterImport: loaded() };
  seen.tryNextLink = await fromSSO({ profile: "plain" })().catch((error) => error.tryNextLink);
  seen.afterNotApplicable = loaded();
  const provider = fromSSO({ profile: "dev" });
  seen.accountId = (await provider()).accountId;
  seen.afterFetch = loaded();
  seen.ownAfterFetch = ownModules();
  seen.chainedAccountId = (await fromSSO({ profile: "chained" })()).accountId;
  seen.afterChain = loaded();
  seen.ownAfterChain = ownModules();
  console.log(JSON.stringify(seen));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

const run = async () => {
  expect(existsSync(join(PACKAGE_DIR, "dist", "cjs", "index.js"))).toBe(true); // `pnpm build` first
  await env.signIn("dev");
  appendFileSync(
    join(env.home.dir, ".aws", "config"),
    "\n[profile chained]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\nsource_profile = dev\n",
  );
  const script = join(env.home.dir, "lazy.cjs");
  writeFileSync(script, SCRIPT);
  const { stdout } = await promisify(execFile)(process.execPath, [script, PACKAGE_DIR], {
    env: { PATH: process.env.PATH, HOME: env.home.dir, NODE_NO_WARNINGS: "1", ...env.emu.env },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as unknown;
};

test("importing loads no dependency; the SSO client is imported on the first fetch, STS on the first chain; a valid token loads the start-up path only", async () => {
  expect(await run()).toEqual({
    afterImport: "",
    tryNextLink: true,
    afterNotApplicable: "@smithy/property-provider @smithy/shared-ini-file-loader @smithy/core node:crypto",
    accountId: "111111111111",
    afterFetch:
      "@aws-sdk/client-sso @smithy/node-http-handler @smithy/property-provider @smithy/shared-ini-file-loader " +
      "@smithy/core node:crypto",
    ownAfterFetch: "credential-provider:index credential-provider:internal/core token-provider:internal/core",
    chainedAccountId: "222222222222",
    afterChain:
      "@aws-sdk/client-sso @aws-sdk/client-sts @smithy/node-http-handler @smithy/property-provider " +
      "@smithy/shared-ini-file-loader @smithy/core node:crypto",
    ownAfterChain:
      "credential-provider:index credential-provider:internal credential-provider:internal/core " +
      "token-provider:internal token-provider:internal/core",
  });
});

// The ES build: an ES loader hook records every package name the ES loader resolves. sso-kit's own modules go
// through it; the SDK's CommonJS packages must not, since `require()` loads them several times faster (see
// loadCommonJsModule.ts). Before that change this list held client-sso, node-http-handler and the @smithy modules.
const HOOKS = `
export async function initialize({ port }) { globalThis.port = port; }
export async function resolve(specifier, context, next) {
  if (!/^(node:|file:|\\.|\\/)/.test(specifier)) globalThis.port.postMessage(specifier);
  return next(specifier, context);
}
`;
const ESM_SCRIPT = `
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on("message", (specifier) => resolved.push(specifier));
port1.unref();
register(new URL("./hooks.mjs", import.meta.url), { data: { port: port2 }, transferList: [port2] });
const { fromSSO } = await import(process.argv[2]);
const { accountId } = await fromSSO({ profile: "dev" })();
// The hook thread's last messages arrive after the load they describe.
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(JSON.stringify({ accountId, resolved: [...new Set(resolved)].sort() }));
`;

test("the ES build loads the SDK's CommonJS packages with require(), not through the ES loader", async () => {
  await env.signIn("dev");
  writeFileSync(join(env.home.dir, "hooks.mjs"), HOOKS);
  const script = join(env.home.dir, "lazy.mjs");
  writeFileSync(script, ESM_SCRIPT);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, join(PACKAGE_DIR, "dist", "esm", "index.js")],
    {
      env: { PATH: process.env.PATH, HOME: env.home.dir, NODE_NO_WARNINGS: "1", ...env.emu.env },
      timeout: 20_000,
    },
  );
  expect(JSON.parse(stdout)).toEqual({
    accountId: "111111111111",
    resolved: ["@sso-kit/token-provider/internal/core"],
  });
});
