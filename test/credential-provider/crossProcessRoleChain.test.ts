/**
 * Assumed-role credentials across processes with the BUILT credential provider (`pnpm build` first) and the shared
 * cache on: a chained profile (SSO base, one AssumeRole) read by real child processes sharing one temp HOME and one
 * emulator, whose GetRoleCredentials and AssumeRole counts are the measure. Both levels live in the AWS CLI's
 * `~/.aws/cli/cache` files, under its keys and in its formats, and the real AWS CLI reads them (and, when it can
 * reach the emulator's STS, writes what sso-kit then reads).
 */
import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { awsCliV2, awsCliWithStsEndpoint } from "../support/credential-provider/awsCli";
import { requireBuilt } from "../support/requireBuilt";
import { signIn } from "../support/signIn";
import { killAllChildren, startChild } from "../support/startChild";
import { useTempHome } from "../support/useTempHome";

const PROCESSES = 6;
const SESSION = "chain-cache";
const SESSION_NAME = "alice";

interface Outcome {
  accessKeyId?: string;
  error?: string;
  reason?: string;
  warnings?: string[];
}

jest.setTimeout(120_000);

describe("assumed-role credentials across processes (shared cache)", () => {
  let emu: Emulator;
  afterEach(killAllChildren);
  const home = useTempHome({ prefix: "sso-kit-chain-cache-" });

  beforeAll(async () => {
    requireBuilt("credential-provider");
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  const base = () => emu.accounts[0]!;
  const target = () => emu.accounts[1]!;
  const roleArn = () => `arn:aws:iam::${target().accountId}:role/${target().roles[0]!}`;
  const cacheDir = () => join(home.dir, ".aws", "cli", "cache");
  /** The AWS CLI's name for the hop's file, computed here as botocore does: sha1 of json.dumps(sort_keys=True). */
  const assumeRoleFile = () =>
    join(
      cacheDir(),
      `${createHash("sha1")
        .update(`{"RoleArn": "${roleArn()}", "RoleSessionName": "${SESSION_NAME}"}`)
        .digest("hex")}.json`,
    );

  beforeEach(async () => {
    emu.reset();
    mkdirSync(join(home.dir, ".aws"), { recursive: true });
    writeFileSync(
      join(home.dir, ".aws", "config"),
      [
        "[profile base]",
        `sso_session = ${SESSION}`,
        `sso_account_id = ${base().accountId}`,
        `sso_role_name = ${base().roles[0]!}`,
        "[profile chain]",
        `role_arn = ${roleArn()}`,
        "source_profile = base",
        `role_session_name = ${SESSION_NAME}`,
        `[sso-session ${SESSION}]`,
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        "sso_registration_scopes = sso:account:access",
      ].join("\n"),
    );
    await signIn(emu, new SsoTokenCache(), SESSION, { expiresAt: new Date(Date.now() + 3_600_000) });
  });

  /** Starts `count` processes on profile `chain`, lets them go at once, and returns what each got. */
  const race = async (
    count: number,
    env: Record<string, string> = { SSO_KIT_ROLE_CREDENTIAL_CACHE: "shared" },
  ) => {
    const group = Array.from({ length: count }, () =>
      startChild(join(__dirname, "children/roleCredentials.mjs"), {
        HOME: home.dir,
        ...emu.env,
        SSO_KIT_TEST_INIT: JSON.stringify({ profile: "chain" }),
        ...env,
      }),
    );
    await Promise.all(group.map((child) => child.next((line) => line === "ready")));
    for (const child of group) child.send("go");
    return Promise.all(group.map((child) => child.nextJson<Outcome>()));
  };

  /** The sign-in ends: the cached token expired and cannot be refreshed. */
  const endSignIn = () =>
    signIn(emu, new SsoTokenCache(), SESSION, {
      expiresAt: new Date(Date.now() - 60_000),
      refreshToken: false,
    });

  it(`${PROCESSES} processes make 1 GetRoleCredentials and 1 AssumeRole, cached as the AWS CLI caches them`, async () => {
    const outcomes = await race(PROCESSES);
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(outcomes.flatMap((outcome) => outcome.warnings)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.accessKeyId)).size).toBe(1);
    expect(emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });

    // The SSO base's file and the hop's, the hop's named and shaped as botocore's AssumeRole cache entries.
    expect(readdirSync(cacheDir())).toHaveLength(2);
    expect(statSync(assumeRoleFile()).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(assumeRoleFile(), "utf8"))).toEqual({
      Credentials: {
        AccessKeyId: outcomes[0]!.accessKeyId,
        SecretAccessKey: expect.any(String),
        SessionToken: expect.any(String),
        Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
      AssumedRoleUser: {
        AssumedRoleId: expect.stringContaining(`:${SESSION_NAME}`),
        Arn: `arn:aws:sts::${target().accountId}:assumed-role/${target().roles[0]!}/${SESSION_NAME}`,
      },
    });
  });

  it("cached assumed-role credentials are used without a token: an ended sign-in fails only the process without the cache", async () => {
    const [first] = await race(1);
    expect(first!.error).toBeUndefined();
    await endSignIn();
    emu.reset();
    const [cached, uncached] = await Promise.all([race(2), race(1, {})]);
    expect(cached!.map((outcome) => outcome.accessKeyId)).toEqual([first!.accessKeyId, first!.accessKeyId]);
    // The control: the same profile without the opt-in needs the token, and the token is gone.
    expect(uncached![0]).toMatchObject({ reason: "Token" });
    expect(emu.stats()).toMatchObject({ GetRoleCredentials: 0, AssumeRole: 0 });
  });

  // Debian's AWS CLI 2.9 cannot be pointed at the emulator, but it reads a cache hit without any call: every
  // request it tried would go to a closed local port, never to AWS.
  (awsCliV2 === undefined ? it.skip : it)(
    "the AWS CLI v2 uses the assumed-role credentials sso-kit cached, without any call",
    async () => {
      const [outcome] = await race(1);
      expect(outcome!.error).toBeUndefined();
      const printed = execFileSync(
        awsCliV2!,
        ["configure", "export-credentials", "--profile", "chain", "--format", "process"],
        {
          encoding: "utf8",
          timeout: 60_000,
          env: {
            PATH: "/usr/bin:/bin",
            HOME: home.dir,
            HTTPS_PROXY: "http://127.0.0.1:9",
            HTTP_PROXY: "http://127.0.0.1:9",
          },
        },
      );
      expect(JSON.parse(printed)).toMatchObject({ Version: 1, AccessKeyId: outcome!.accessKeyId });
      expect(emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });
    },
  );

  // Needs an AWS CLI that calls the emulator's STS (AWS_ENDPOINT_URL_STS: v1 >= 1.29, v2 >= 2.13); its source
  // profile holds static keys the emulator issued, since no CLI here reaches the emulator's SSO portal.
  (awsCliWithStsEndpoint === undefined ? it.skip : it)(
    "sso-kit uses the assumed-role credentials the AWS CLI cached, without a token or any call",
    async () => {
      const token = JSON.parse(readFileSync(new SsoTokenCache().tokenPath(SESSION), "utf8")) as {
        accessToken: string;
      };
      const portal = new SSOClient({ region: emu.region, endpoint: emu.url });
      const { roleCredentials } = await portal.send(
        new GetRoleCredentialsCommand({
          accessToken: token.accessToken,
          accountId: base().accountId,
          roleName: base().roles[0]!,
        }),
      );
      portal.destroy();
      const cliConfig = join(home.dir, "aws-cli-config");
      writeFileSync(
        cliConfig,
        [
          "[profile cli-source]",
          `aws_access_key_id = ${roleCredentials!.accessKeyId!}`,
          `aws_secret_access_key = ${roleCredentials!.secretAccessKey!}`,
          `aws_session_token = ${roleCredentials!.sessionToken!}`,
          "[profile cli-chain]",
          `role_arn = ${roleArn()}`,
          "source_profile = cli-source",
          `role_session_name = ${SESSION_NAME}`,
          `region = ${emu.region}`,
        ].join("\n"),
      );
      // Not execFileSync: the emulator answering it runs in this process.
      const { stdout: printed } = await promisify(execFile)(
        awsCliWithStsEndpoint!,
        ["sts", "get-caller-identity", "--profile", "cli-chain"],
        {
          encoding: "utf8",
          timeout: 60_000,
          env: {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            HOME: home.dir,
            AWS_CONFIG_FILE: cliConfig,
            AWS_ENDPOINT_URL_STS: emu.url,
          },
        },
      );
      expect(JSON.parse(printed)).toMatchObject({
        Arn: `arn:aws:sts::${target().accountId}:assumed-role/${target().roles[0]!}/${SESSION_NAME}`,
      });
      // The CLI's own file, under its key: botocore 1.x writes `...Z`, the AWS CLI 2.9's `...UTC` (the parser's spec).
      const written = JSON.parse(readFileSync(assumeRoleFile(), "utf8")) as {
        Credentials: Record<string, string>;
      };
      expect(written.Credentials.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|UTC)$/);

      await endSignIn();
      emu.reset();
      const [outcome] = await race(1);
      expect(outcome).toMatchObject({ accessKeyId: written.Credentials.AccessKeyId });
      expect(emu.stats()).toMatchObject({ GetRoleCredentials: 0, AssumeRole: 0 });
    },
  );
});
