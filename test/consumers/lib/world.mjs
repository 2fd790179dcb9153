// One consumer run's world: its own emulator (in the runner's process, from the workspace build) and its own
// temporary HOME, whose ~/.aws/config has an sso-session profile and whose token cache holds an EXPIRED token with a
// refresh token, so that the consumer must refresh it (one CreateToken) before it can get role credentials.
// `check` then asserts on what the consumer reported and on what the emulator saw.
import { startEmulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PROFILE = "consumer";
const SESSION = "consumer";

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

export const createWorld = async () => {
  const emu = await startEmulator();
  const home = mkdtempSync(join(tmpdir(), "sso-kit-consumer-home-"));
  const cacheDir = join(home, ".aws", "sso", "cache");
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const configFile = join(home, ".aws", "config");
  const account = emu.accounts[0];
  const role = account.roles[0];
  writeFileSync(
    configFile,
    [
      `[profile ${PROFILE}]`,
      `sso_session = ${SESSION}`,
      `sso_account_id = ${account.accountId}`,
      `sso_role_name = ${role}`,
      `region = ${emu.region}`,
      `[sso-session ${SESSION}]`,
      `sso_start_url = ${emu.startUrl}`,
      `sso_region = ${emu.region}`,
      "sso_registration_scopes = sso:account:access",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  const cache = new SsoTokenCache({ directory: cacheDir });
  const seeded = emu.seedToken({ expiresAt: new Date(Date.now() - 60_000) });
  await cache.writeToken(SESSION, emu.cachedToken(seeded));
  const resultFile = join(home, "result.json");
  /** Only what a consumer needs: no AWS_* variable or NODE_OPTIONS of the caller's shell reaches it. */
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: tmpdir(),
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
    // The SDK warns once per process about Node 20 support; not what is tested.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    CONSUMER_PROFILE: PROFILE,
    CONSUMER_ACCOUNT: account.accountId,
    CONSUMER_RESULT_FILE: resultFile,
    ...emu.env,
  };

  /** Problems with what a consumer reported (`reported`: its result object), [] when none. */
  const problems = async (reported) => {
    const found = [];
    const expect = (ok, what) => ok || found.push(what);
    const issued = new Set(emu.issuedCredentials().map((c) => sha256(c.accessKeyId)));
    expect(issued.has(reported.keyHash), "the access key is not one the emulator issued");
    expect(
      Date.parse(reported.expiration) > Date.now(),
      `credentials expire in the past: ${reported.expiration}`,
    );
    if ("account" in reported) {
      expect(reported.account === account.accountId, `GetCallerIdentity account ${reported.account}`);
      const arn = `arn:aws:sts::${account.accountId}:assumed-role/${role}/emulator-user`;
      expect(reported.arn === arn, `GetCallerIdentity ARN ${reported.arn}, not ${arn}`);
    }
    const stats = emu.stats();
    // The expired token was refreshed once, and the refreshed token written back for the next provider to use.
    expect(stats.CreateToken === 1, `${stats.CreateToken} CreateToken calls, not 1`);
    expect(stats.GetRoleCredentials >= 1, "no GetRoleCredentials call");
    if ("account" in reported) {
      expect(stats.GetCallerIdentity === 1, `${stats.GetCallerIdentity} GetCallerIdentity calls, not 1`);
    }
    const token = await cache.readToken(SESSION);
    expect(
      Date.parse(token?.expiresAt ?? "") > Date.now(),
      "the cached token was not replaced by the refreshed one",
    );
    return found;
  };

  return {
    env,
    /** What the consumer wrote to CONSUMER_RESULT_FILE, checked; [] when all is well. */
    checkResultFile: async () => {
      let reported;
      try {
        reported = JSON.parse(readFileSync(resultFile, "utf8"));
      } catch {
        return ["the consumer wrote no result"];
      }
      return problems(reported);
    },
    /** `sso-kit credential-process` output (credential_process JSON), checked; [] when all is well. */
    checkCredentialProcess: async (stdout) => {
      let output;
      try {
        output = JSON.parse(stdout);
      } catch {
        return ["credential-process printed no JSON"];
      }
      if (output.Version !== 1) return [`credential-process printed Version ${output.Version}`];
      return problems({ keyHash: sha256(String(output.AccessKeyId)), expiration: output.Expiration });
    },
    dispose: async () => {
      await emu.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
};
