/**
 * What a program loads, and when: checked in a plain `node` child process running the built CommonJS package
 * (`pnpm build` first, as CI does), by looking at what it has `require`d. Importing the provider loads none of the
 * heavy dependencies; `@aws-sdk/client-sso` (and with it the SDK's HTTP handler) is loaded on the first
 * GetRoleCredentials call only, and `@aws-sdk/client-sts` on the first AssumeRole of a role chain only: a plain SSO
 * profile never loads it.
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
const { fromSSO } = require(process.argv[2]);
(async () => {
  const seen = { afterImport: loaded() };
  seen.tryNextLink = await fromSSO({ profile: "plain" })().catch((error) => error.tryNextLink);
  seen.afterNotApplicable = loaded();
  const provider = fromSSO({ profile: "dev" });
  seen.accountId = (await provider()).accountId;
  seen.afterFetch = loaded();
  seen.chainedAccountId = (await fromSSO({ profile: "chained" })()).accountId;
  seen.afterChain = loaded();
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

test("importing loads no dependency; the SSO client is imported on the first fetch, STS on the first chain", async () => {
  expect(await run()).toEqual({
    afterImport: "",
    tryNextLink: true,
    afterNotApplicable: "@smithy/property-provider @smithy/shared-ini-file-loader @smithy/core node:crypto",
    accountId: "111111111111",
    afterFetch:
      "@aws-sdk/client-sso @smithy/node-http-handler @smithy/property-provider @smithy/shared-ini-file-loader " +
      "@smithy/core node:crypto",
    chainedAccountId: "222222222222",
    afterChain:
      "@aws-sdk/client-sso @aws-sdk/client-sts @smithy/node-http-handler @smithy/property-provider " +
      "@smithy/shared-ini-file-loader @smithy/core node:crypto",
  });
});
