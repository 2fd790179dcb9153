/**
 * The CommonJS build is CommonJS: no native `import()`, which needs an ES module loader that jest's (and other
 * vm-based) sandboxes lack without --experimental-vm-modules ("A dynamic import callback was invoked without
 * --experimental-vm-modules"). Checked on the built `dist/cjs` (`pnpm build` first), both by reading it and by
 * loading it inside this jest sandbox, where a native `import()` would fail exactly as in a user's CommonJS tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { useSsoProfiles } from "../support/credential-provider/useSsoProfiles";

const PACKAGES = join(__dirname, "../../packages");

const cjsFiles = (): string[] =>
  readdirSync(PACKAGES).flatMap((name) => {
    const dir = join(PACKAGES, name, "dist", "cjs");
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js"))
      .map((file) => join(dir, file));
  });

test("no file of any package's dist/cjs contains `import(`, in code or in a comment", () => {
  const files = cjsFiles();
  expect(files.length).toBeGreaterThanOrEqual(5);
  const offending = files.filter((file) => readFileSync(file, "utf8").includes("import("));
  expect(offending).toEqual([]);
});

describe("loaded by a CommonJS jest test", () => {
  const env = useSsoProfiles();

  test("the token provider's lazy loads (ini loader, error classes) work in the jest sandbox", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tokenProvider = require(join(PACKAGES, "token-provider/dist/cjs/index.js")) as {
      fromSso(init: { profile: string }): () => Promise<unknown>;
    };
    const error = await tokenProvider
      .fromSso({ profile: "plain" })()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "TokenProviderError", tryNextLink: true });
  });

  test("fromSSO gets credentials through the SDK client, loaded on first use", async () => {
    process.env.AWS_MAX_ATTEMPTS = "3"; // a setting only the SDK client honours: it must be loaded
    await env.signIn("dev");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const credentialProvider = require(join(PACKAGES, "credential-provider/dist/cjs/index.js")) as {
      fromSSO(init: { profile: string }): () => Promise<{ accountId?: string }>;
    };
    await expect(credentialProvider.fromSSO({ profile: "dev" })()).resolves.toMatchObject({
      accountId: "111111111111",
    });
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });
});
