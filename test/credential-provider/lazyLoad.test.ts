/**
 * `@aws-sdk/client-sso` is loaded only when credentials must be fetched: checked in a plain `node` child process
 * running the built CommonJS package (`pnpm build` first, as CI does), by looking at what it has `require`d.
 */
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  useEmulator,
  useTempHome,
  writeCachedToken,
  writeConfig,
} from "../../packages/credential-provider/src/__fixtures__/testEnvironment";

const PACKAGE_DIR = join(__dirname, "../../packages/credential-provider");

const home = useTempHome();
const env = useEmulator();

const SCRIPT = `
const { sep } = require("node:path");
const loaded = () => Object.keys(require.cache).some((path) => path.includes(\`\${sep}@aws-sdk\${sep}client-sso\${sep}\`));
const { fromSSO } = require(process.argv[2]);
(async () => {
  const seen = { afterImport: loaded() };
  seen.tryNextLink = await fromSSO({ profile: "plain" })().catch((error) => error.tryNextLink);
  seen.afterNotApplicable = loaded();
  const provider = fromSSO({ profile: "dev" });
  seen.accountId = (await provider()).accountId;
  seen.afterFetch = loaded();
  console.log(JSON.stringify(seen));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

test("the SSO client is imported on the first fetch only", async () => {
  expect(existsSync(join(PACKAGE_DIR, "dist", "cjs", "index.js"))).toBe(true); // `pnpm build` first
  writeConfig(
    [
      "[profile plain]",
      "region = eu-west-1",
      "[profile dev]",
      "sso_session = dev",
      "sso_account_id = 111111111111",
      "sso_role_name = ReadOnly",
      "[sso-session dev]",
      `sso_start_url = ${env.emu.startUrl}`,
      "sso_region = us-east-1",
    ].join("\n"),
  );
  await writeCachedToken("dev", env.emu.cachedToken(env.emu.seedToken()));
  const script = join(home.dir, "lazy.cjs");
  writeFileSync(script, SCRIPT);
  const { stdout } = await promisify(execFile)(process.execPath, [script, PACKAGE_DIR], {
    env: { PATH: process.env.PATH, HOME: home.dir, NODE_NO_WARNINGS: "1", ...env.emu.env },
    timeout: 20_000,
  });
  expect(JSON.parse(stdout)).toEqual({
    afterImport: false,
    tryNextLink: true,
    afterNotApplicable: false,
    accountId: "111111111111",
    afterFetch: true,
  });
});
