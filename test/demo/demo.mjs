#!/usr/bin/env node
// The sso-kit story, end to end, on the local emulator: sign in, call AWS with `fromSSO()`, let the session age,
// and watch the token refresh and new role credentials arrive without the user doing anything.
//
// Runs the BUILT packages (`pnpm build` first) in a temporary HOME that is removed at the end; nothing outside
// it is read or written, and the only network traffic goes to the emulator on 127.0.0.1. Never prints a secret.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cliBin = path.join(repo, "packages/cli/dist/esm/bin/sso-kit.js");

const SESSION = "demo";
const PROFILE = "demo";

const home = mkdtempSync(path.join(tmpdir(), "sso-kit-demo-"));
const configFile = path.join(home, ".aws", "config");
// A clean AWS environment: nothing from the user's own profiles or credentials may take part.
for (const name of Object.keys(process.env)) {
  if (name.startsWith("AWS_")) delete process.env[name];
}
Object.assign(process.env, {
  HOME: home,
  USERPROFILE: home,
  AWS_CONFIG_FILE: configFile,
  AWS_SHARED_CREDENTIALS_FILE: path.join(home, ".aws", "credentials"),
  // The SDK's notice about future Node.js versions is not part of the story.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});

const say = (text = "") => process.stdout.write(`${text}\n`);
const step = (number, text) => say(`\n${number}. ${text}`);
const detail = (text) => say(`   ${text}`);
/** An access key id shown by its ends only: enough to see that it changed. */
const keyId = (id) => `${id.slice(0, 4)}…${id.slice(-4)}`;
const counters = (emu, names) => names.map((name) => `${name} ${emu.stats()[name]}`).join(", ");

async function main() {
  const { startEmulator } = await import("@sso-kit/emulator");
  const { login } = await import("@sso-kit/login");
  const { fromSSO } = await import("@sso-kit/credential-provider");
  const { SsoTokenCache } = await import("@sso-kit/token-provider");
  const { STSClient, GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");

  say(
    "sso-kit demo: AWS IAM Identity Center credentials for the AWS SDK for JavaScript, on a local emulator",
  );
  say(`(temporary HOME ${home}, removed at the end)`);

  step(1, "Start the emulator of IAM Identity Center and STS (sign-ins approved automatically)");
  const emu = await startEmulator({ autoApprove: true });
  try {
    Object.assign(process.env, emu.env);
    detail(`listening on ${emu.url}; AWS_ENDPOINT_URL_SSO, _SSO_OIDC and _STS point the SDK at it`);

    step(2, "Write ~/.aws/config: an sso-session and a profile for one account and role");
    const account = emu.accounts[0];
    const config = [
      `[sso-session ${SESSION}]`,
      `sso_start_url = ${emu.startUrl}`,
      `sso_region = ${emu.region}`,
      "sso_registration_scopes = sso:account:access",
      "",
      `[profile ${PROFILE}]`,
      `sso_session = ${SESSION}`,
      `sso_account_id = ${account.accountId}`,
      `sso_role_name = ${account.roles[0]}`,
      `region = ${emu.region}`,
      "",
    ].join("\n");
    mkdirSync(path.dirname(configFile), { recursive: true, mode: 0o700 });
    writeFileSync(configFile, config);
    for (const line of config.trimEnd().split("\n")) detail(`| ${line}`);

    step(3, "Sign in with @sso-kit/login (device code flow; the emulator approves it)");
    const signedIn = await login({
      profile: PROFILE,
      flow: "device",
      openBrowser: false,
      prompt: (prompt) =>
        detail(
          `the user would open ${prompt.verificationUri ?? prompt.url} and confirm code ${prompt.userCode}`,
        ),
    });
    detail(`signed in to ${signedIn.startUrl} (${signedIn.region}), sso-session '${signedIn.sessionName}'`);
    detail(
      `token cached in ${path.relative(home, signedIn.tokenFile)}, valid until ${signedIn.expiresAt.toISOString()}`,
    );

    step(4, "Run an app: new STSClient({ credentials: fromSSO({ profile }) }), GetCallerIdentity");
    const watched = ["CreateToken", "GetRoleCredentials", "GetCallerIdentity"];
    const first = await callerIdentity(STSClient, GetCallerIdentityCommand, fromSSO, emu.region);
    detail(`account ${first.Account}, ${first.Arn}`);
    detail("(the emulator verified the request's SigV4 signature against the role credentials it issued)");
    const [firstCredentials] = emu.issuedCredentials();
    detail(
      `role credentials ${keyId(firstCredentials.accessKeyId)}, valid until ${firstCredentials.expiration.toISOString()}`,
    );
    detail(`emulator counters: ${counters(emu, watched)}`);

    step(5, "Time passes (simulated): the SSO token is about to expire");
    const cache = new SsoTokenCache();
    const token = await cache.readToken(SESSION);
    const soon = new Date(Date.now() + 60_000);
    await cache.writeToken(SESSION, { ...token, expiresAt: soon.toISOString() });
    detail(
      `token expiresAt rewritten to ${soon.toISOString()}: 1 min left, inside fromSSO's 5-minute refresh window`,
    );

    step(6, "Run the app again: same code, nothing for the user to do");
    const second = await callerIdentity(STSClient, GetCallerIdentityCommand, fromSSO, emu.region);
    detail(`account ${second.Account}, ${second.Arn}`);
    const refreshed = await cache.readToken(SESSION);
    detail(
      `token refreshed with its refresh token, now valid until ${refreshed.expiresAt} (cache rewritten atomically)`,
    );
    const secondCredentials = emu.issuedCredentials().at(-1);
    detail(
      `new role credentials ${keyId(secondCredentials.accessKeyId)} (were ${keyId(firstCredentials.accessKeyId)}), fetched with the new token`,
    );
    detail(`emulator counters: ${counters(emu, watched)}`);
    if (
      refreshed.accessToken === token.accessToken ||
      secondCredentials.accessKeyId === firstCredentials.accessKeyId
    ) {
      throw new Error("the token was not refreshed or no new role credentials were issued");
    }

    step(7, "Any other tool, in any language, through the sso-kit CLI");
    const ls = await ssoKit(["ls", "--profile", PROFILE]);
    for (const line of ls.trimEnd().split("\n")) detail(`$ sso-kit ls │ ${line}`);
    const processJson = JSON.parse(await ssoKit(["credential-process", "--profile", PROFILE]));
    detail(`credential_process = sso-kit credential-process --profile ${PROFILE}`);
    detail(
      `  → Version ${processJson.Version} JSON with AccessKeyId ${keyId(processJson.AccessKeyId)}, Expiration ${processJson.Expiration}`,
    );
  } finally {
    await emu.stop();
  }
  say("\nDone: the emulator is stopped and the temporary HOME removed.");
}

/** One run of an app: a new client with `fromSSO`, one GetCallerIdentity call. */
async function callerIdentity(STSClient, GetCallerIdentityCommand, fromSSO, region) {
  const sts = new STSClient({ region, credentials: fromSSO({ profile: PROFILE }) });
  try {
    return await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
}

/**
 * Runs the built `sso-kit` with the demo's environment and resolves with its stdout. Asynchronously: the emulator
 * runs in this process and must keep answering meanwhile.
 */
function ssoKit(args) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliBin, ...args],
      { env: process.env, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`sso-kit ${args.join(" ")} failed (${error.code}): ${stderr.trim()}`));
        else resolve(stdout);
      },
    );
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  rmSync(home, { recursive: true, force: true });
}
// Idle keep-alive sockets of the SDK clients must not keep the demo alive.
process.exit(exitCode);
