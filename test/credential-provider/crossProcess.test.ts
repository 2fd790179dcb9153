/**
 * Role credentials across processes with the BUILT credential provider (`pnpm build` first): real child processes
 * share one temp HOME and one emulator, whose GetRoleCredentials count is the measure. With the shared cache
 * (`roleCredentialCache: "shared"` / `SSO_KIT_ROLE_CREDENTIAL_CACHE=shared`) 16 processes make one call, and the
 * AWS CLI's `~/.aws/cli/cache` files are used and written in its format; without it each process makes its own.
 */
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { awsCliV2 } from "../support/credential-provider/awsCli";
import { requireBuilt } from "../support/requireBuilt";
import { signIn } from "../support/signIn";
import { killAllChildren, startChild } from "../support/startChild";
import { useTempHome } from "../support/useTempHome";

const PROCESSES = 16;
const SESSION = "shared-cache";

interface Outcome {
  accessKeyId?: string;
  expiration?: string;
  warnings?: string[];
  error?: string;
}

jest.setTimeout(120_000);

describe("role credentials across processes", () => {
  let emu: Emulator;
  afterEach(killAllChildren);
  const home = useTempHome({ prefix: "sso-kit-role-cache-" });

  beforeAll(async () => {
    requireBuilt("credential-provider");
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(async () => {
    emu.reset();
    await signIn(emu, new SsoTokenCache(), SESSION, { expiresAt: new Date(Date.now() + 3_600_000) });
  });

  const account = () => emu.accounts[0]!;
  /** The whole target in fromSSO options, so that no config file is read. */
  const init = (extra: Record<string, unknown> = {}) => ({
    ssoSession: SESSION,
    ssoStartUrl: emu.startUrl,
    ssoRegion: emu.region,
    ssoAccountId: account().accountId,
    ssoRoleName: account().roles[0]!,
    ...extra,
  });
  const cacheDir = () => join(home.dir, ".aws", "cli", "cache");
  /** The AWS CLI's cache file name, computed here as its documentation and code do: sha1 of sorted compact JSON. */
  const awsCliCacheFile = () =>
    join(
      cacheDir(),
      `${createHash("sha1")
        .update(
          `{"accountId":"${account().accountId}","roleName":"${account().roles[0]!}","sessionName":"${SESSION}"}`,
        )
        .digest("hex")}.json`,
    );

  /** Starts `count` processes, lets them go at once, and returns what each got. */
  const race = async (
    count: number,
    extraInit: Record<string, unknown>,
    env: Record<string, string> = {},
  ) => {
    const group = Array.from({ length: count }, () =>
      startChild(join(__dirname, "children/roleCredentials.mjs"), {
        HOME: home.dir,
        ...emu.env,
        SSO_KIT_TEST_INIT: JSON.stringify(init(extraInit)),
        ...env,
      }),
    );
    await Promise.all(group.map((child) => child.next((line) => line === "ready")));
    for (const child of group) child.send("go");
    return Promise.all(group.map((child) => child.nextJson<Outcome>()));
  };

  it(`${PROCESSES} processes with SSO_KIT_ROLE_CREDENTIAL_CACHE=shared make 1 GetRoleCredentials, written as the AWS CLI writes it`, async () => {
    const outcomes = await race(PROCESSES, {}, { SSO_KIT_ROLE_CREDENTIAL_CACHE: "shared" });
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(emu.stats().GetRoleCredentials).toBe(1);
    expect(new Set(outcomes.map((outcome) => outcome.accessKeyId)).size).toBe(1);
    expect(outcomes.flatMap((outcome) => outcome.warnings)).toEqual([]);

    // The AWS CLI's place, name, modes and format.
    expect(readdirSync(cacheDir())).toEqual([awsCliCacheFile().slice(cacheDir().length + 1)]);
    expect(statSync(awsCliCacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const file = JSON.parse(readFileSync(awsCliCacheFile(), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(file).toEqual({
      ProviderType: "sso",
      Credentials: {
        AccessKeyId: outcomes[0]!.accessKeyId,
        SecretAccessKey: expect.any(String),
        SessionToken: expect.any(String),
        Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        AccountId: account().accountId,
      },
    });
    expect(Date.parse(String(file.Credentials!.Expiration))).toBe(
      Math.floor(Date.parse(outcomes[0]!.expiration!) / 1000) * 1000,
    );
  });

  it(`${PROCESSES} processes without the opt-in make ${PROCESSES} GetRoleCredentials and write nothing`, async () => {
    const outcomes = await race(PROCESSES, {});
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(emu.stats().GetRoleCredentials).toBe(PROCESSES);
    expect(() => readdirSync(cacheDir())).toThrow(/ENOENT/);
  });

  it('a file the AWS CLI wrote is used without calling the portal (roleCredentialCache: "shared")', async () => {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    const expiration = new Date(Date.now() + 3_600_000);
    // As the AWS CLI v2 writes it: its timestamp with a "+00:00" offset and no AccountId.
    writeFileSync(
      awsCliCacheFile(),
      JSON.stringify({
        ProviderType: "sso",
        Credentials: {
          AccessKeyId: "ASIAFROMTHEAWSCLI",
          SecretAccessKey: "aws-cli-secret",
          SessionToken: "aws-cli-session",
          Expiration: expiration.toISOString().replace(/\.\d{3}Z$/, "+00:00"),
        },
      }),
      { mode: 0o600 },
    );
    const outcomes = await race(4, { roleCredentialCache: "shared" });
    expect(outcomes.map((outcome) => outcome.accessKeyId)).toEqual(Array(4).fill("ASIAFROMTHEAWSCLI"));
    expect(emu.stats().GetRoleCredentials).toBe(0);
  });

  it("a file within the refresh window is not trusted: one process fetches and replaces it", async () => {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    writeFileSync(
      awsCliCacheFile(),
      JSON.stringify({
        ProviderType: "sso",
        Credentials: {
          AccessKeyId: "ASIAALMOSTEXPIRED",
          SecretAccessKey: "s",
          SessionToken: "t",
          Expiration: new Date(Date.now() + 60_000).toISOString(),
        },
      }),
      { mode: 0o600 },
    );
    const outcomes = await race(4, { roleCredentialCache: "shared" });
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.accessKeyId)).size).toBe(1);
    expect(outcomes[0]!.accessKeyId).not.toBe("ASIAALMOSTEXPIRED");
    expect(emu.stats().GetRoleCredentials).toBe(1);
  });

  // AWS CLI v2 releases before 2.13 (Debian's is 2.9) cannot be pointed at the emulator (no AWS_ENDPOINT_URL_SSO),
  // so only this direction runs the real AWS CLI; the other one is the file-format test above.
  (awsCliV2 === undefined ? it.skip : it)(
    "the AWS CLI v2 uses what sso-kit cached, without calling the portal",
    async () => {
      const [outcome] = await race(1, { roleCredentialCache: "shared" });
      expect(outcome!.error).toBeUndefined();
      const configFile = join(home.dir, "aws-cli-config");
      writeFileSync(
        configFile,
        `[profile interop]\nsso_session = ${SESSION}\nsso_account_id = ${account().accountId}\n` +
          `sso_role_name = ${account().roles[0]!}\n\n[sso-session ${SESSION}]\nsso_start_url = ${emu.startUrl}\n` +
          `sso_region = ${emu.region}\nsso_registration_scopes = sso:account:access\n`,
      );
      const printed = execFileSync(
        awsCliV2!,
        ["configure", "export-credentials", "--profile", "interop", "--format", "process"],
        {
          encoding: "utf8",
          timeout: 60_000,
          // Any request it tried would go to a closed local port, never to AWS.
          env: {
            PATH: "/usr/bin:/bin",
            HOME: home.dir,
            AWS_CONFIG_FILE: configFile,
            HTTPS_PROXY: "http://127.0.0.1:9",
            HTTP_PROXY: "http://127.0.0.1:9",
          },
        },
      );
      expect(JSON.parse(printed)).toMatchObject({ Version: 1, AccessKeyId: outcome!.accessKeyId });
      expect(emu.stats().GetRoleCredentials).toBe(1);
    },
  );
});
