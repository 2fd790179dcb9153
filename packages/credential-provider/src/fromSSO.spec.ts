import { SSOClient } from "@aws-sdk/client-sso";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { SeedTokenOptions } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  pointSdkAt,
  redirectingHandler,
  useEmulator,
  writeConfig,
} from "../../../test/support/credential-provider/testEnvironment.js";
import { forgetProcessWideState } from "../../../test/support/forgetProcessWideState.js";
import { recordingLogger } from "../../../test/support/recordingLogger.js";
import { signIn as signInTo } from "../../../test/support/signIn.js";
import { useTempHome } from "../../../test/support/useTempHome.js";
import type * as CredentialProvider from "./index.js";

type Sdk = typeof CredentialProvider;
let sdk: Sdk;

const home = useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });
const env = useEmulator();

const ACCOUNT = "111111111111";
const OTHER_ACCOUNT = "222222222222";

beforeEach(async () => {
  // Fresh module state per test: the in-process credential sharing starts empty.
  jest.resetModules();
  forgetProcessWideState();
  sdk = await import("./index.js");
  pointSdkAt(env.emu);
});

/** `[profile dev]` through `[sso-session dev-session]`, `[profile legacy]` with the start URL in the profile. */
const standardConfig = (extra = "") =>
  writeConfig(
    [
      `[profile dev]`,
      `sso_session = dev-session`,
      `sso_account_id = ${ACCOUNT}`,
      `sso_role_name = ReadOnly`,
      `[profile admin]`,
      `sso_session = dev-session`,
      `sso_account_id = ${ACCOUNT}`,
      `sso_role_name = AdministratorAccess`,
      `[profile legacy]`,
      `sso_start_url = ${env.emu.startUrl}`,
      `sso_region = us-east-1`,
      `sso_account_id = ${OTHER_ACCOUNT}`,
      `sso_role_name = ReadOnly`,
      `[profile static]`,
      `aws_access_key_id = AKIDSTATIC`,
      `aws_secret_access_key = static-secret`,
      `[profile token-only]`,
      `sso_session = dev-session`,
      `[sso-session dev-session]`,
      `sso_start_url = ${env.emu.startUrl}`,
      `sso_region = us-east-1`,
      extra,
    ].join("\n"),
  );

/** Signs in: a token the emulator knows, cached under `key` in the current HOME as the AWS CLI writes it. */
const signIn = (key: string, seed?: SeedTokenOptions) => signInTo(env.emu, new SsoTokenCache(), key, seed);

const cannedCredentials = (expiresInMs: number, id = "ASIACANNED") => ({
  operation: "GetRoleCredentials" as const,
  response: {
    body: {
      roleCredentials: {
        accessKeyId: id,
        secretAccessKey: "canned-secret",
        sessionToken: "canned-session-token",
        expiration: Date.now() + expiresInMs,
      },
    },
  },
});

describe("credentials", () => {
  test("an sso-session profile gives temporary credentials with expiry, account and feature flags", async () => {
    standardConfig();
    await signIn("dev-session");
    const credentials = await sdk.fromSSO({ profile: "dev" })();
    expect(credentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: expect.any(Date),
      accountId: ACCOUNT,
      $source: { CREDENTIALS_SSO: "s", CREDENTIALS_PROFILE_SSO: "r" },
    });
    expect(env.emu.issuedCredentials().at(-1)).toEqual({
      accessKeyId: credentials.accessKeyId,
      accountId: ACCOUNT,
      roleName: "ReadOnly",
      expiration: credentials.expiration,
    });
  });

  test("a legacy profile reads sha1(start URL).json and is flagged as legacy", async () => {
    standardConfig();
    await signIn(env.emu.startUrl);
    const credentials = await sdk.fromSSO({ profile: "legacy" })();
    expect(credentials.accountId).toBe(OTHER_ACCOUNT);
    expect(credentials).toMatchObject({
      $source: { CREDENTIALS_SSO_LEGACY: "u", CREDENTIALS_PROFILE_SSO_LEGACY: "t" },
    });
  });

  test("explicit legacy options need no config file", async () => {
    await signIn(env.emu.startUrl);
    const credentials = await sdk.fromSSO({
      ssoStartUrl: env.emu.startUrl,
      ssoRegion: "us-east-1",
      ssoAccountId: ACCOUNT,
      ssoRoleName: "AdministratorAccess",
    })();
    expect(credentials).toMatchObject({ accountId: ACCOUNT, $source: { CREDENTIALS_SSO_LEGACY: "u" } });
    expect(Object.keys((credentials as unknown as { $source: object }).$source)).toEqual([
      "CREDENTIALS_SSO_LEGACY",
    ]);
  });

  test("explicit session options need no config file", async () => {
    await signIn("my-session");
    const credentials = await sdk.fromSSO({
      ssoSession: "my-session",
      ssoStartUrl: env.emu.startUrl,
      ssoRegion: "us-east-1",
      ssoAccountId: ACCOUNT,
      ssoRoleName: "ReadOnly",
    })();
    expect(credentials).toMatchObject({ accountId: ACCOUNT, $source: { CREDENTIALS_SSO: "s" } });
  });

  test("the ssoSession option selects that session of the config file", async () => {
    standardConfig(`[sso-session other]\nsso_start_url = ${env.emu.startUrl}\nsso_region = us-east-1\n`);
    await signIn("other");
    // dev-session has no token: success proves the "other" session's token was used.
    const credentials = await sdk.fromSSO({
      ssoSession: "other",
      ssoAccountId: ACCOUNT,
      ssoRoleName: "ReadOnly",
    })();
    expect(credentials.accountId).toBe(ACCOUNT);
    await expect(sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({ reason: "Token" });
  });

  test("an ssoSession option that disagrees with its section, or names a missing one, is a clear config error", async () => {
    standardConfig();
    const conflicting = sdk.fromSSO({
      ssoSession: "dev-session",
      ssoStartUrl: "https://elsewhere.awsapps.com/start",
      ssoAccountId: ACCOUNT,
      ssoRoleName: "ReadOnly",
    });
    await expect(conflicting()).rejects.toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
      message: expect.stringContaining("https://elsewhere.awsapps.com/start"),
    });
    const missing = sdk.fromSSO({ ssoSession: "nope", ssoAccountId: ACCOUNT, ssoRoleName: "ReadOnly" });
    const error = await missing().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.SsoCredentialsProviderError);
    expect(error).toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
      message: expect.stringContaining("nope"),
    });
  });

  test("the calling client's profile is used when no profile option is given", async () => {
    standardConfig();
    await signIn("dev-session");
    const credentials = await sdk.fromSSO()({ callerClientConfig: { profile: "admin" } });
    expect(env.emu.issuedCredentials().at(-1)).toMatchObject({
      accessKeyId: credentials.accessKeyId,
      roleName: "AdministratorAccess",
    });
    expect(credentials.accountId).toBe(ACCOUNT);
  });
});

describe("memoization and in-process sharing", () => {
  test("a provider called again while its credentials are fresh reads no file and calls nothing", async () => {
    standardConfig();
    await signIn("dev-session");
    const provider = sdk.fromSSO({ profile: "dev" });
    const first = await provider();
    rmSync(join(home.dir, ".aws"), { recursive: true });
    const again = await provider();
    expect(again).toBe(first);
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("providers resolving the same session, account, role and token share one GetRoleCredentials", async () => {
    standardConfig(
      `[profile dev-copy]\nsso_session = dev-session\nsso_account_id = ${ACCOUNT}\nsso_role_name = ReadOnly\n`,
    );
    await signIn("dev-session");
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => sdk.fromSSO({ profile: "dev" })()),
      sdk.fromSSO({ profile: "dev-copy" })(),
    ]);
    expect(new Set(results.map((c) => c.accessKeyId)).size).toBe(1);
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
    // Another role is another key.
    await sdk.fromSSO({ profile: "admin" })();
    expect(env.emu.stats().GetRoleCredentials).toBe(2);
    // Each provider owns its identity object (flags added by a wrapper never leak to another provider).
    expect(results[0]).not.toBe(results[1]);
  });

  test("concurrent callers during a fetch wait for that one fetch", async () => {
    standardConfig();
    await signIn("dev-session");
    env.emu.faults.add({ operation: "GetRoleCredentials", delayMs: 200, times: 1 });
    const provider = sdk.fromSSO({ profile: "dev" });
    const results = await Promise.all(Array.from({ length: 20 }, () => provider()));
    expect(new Set(results).size).toBe(1);
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("after signing in again, credentials fetched with the old token are not reused", async () => {
    standardConfig();
    await signIn("dev-session");
    const before = await sdk.fromSSO({ profile: "dev" })();
    await signIn("dev-session"); // a new token in the same file
    const after = await sdk.fromSSO({ profile: "dev" })();
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
    expect(env.emu.stats().GetRoleCredentials).toBe(2);
  });

  test("credentials are refreshed 5 minutes before they expire, not earlier", async () => {
    standardConfig();
    await signIn("dev-session");
    env.emu.faults.add({ ...cannedCredentials(6 * 60_000, "ASIASIXMINUTES"), times: 1 });
    const lasting = sdk.fromSSO({ profile: "dev" });
    await lasting();
    await lasting();
    expect(env.emu.stats().GetRoleCredentials).toBe(1);

    env.emu.reset();
    env.emu.faults.add({ ...cannedCredentials(4 * 60_000, "ASIAFOURMINUTES"), times: 1 });
    const expiring = sdk.fromSSO({ profile: "admin" });
    expect((await expiring()).accessKeyId).toBe("ASIAFOURMINUTES");
    expect((await expiring()).accessKeyId).toMatch(/^ASIA(?!FOURMINUTES)/);
    expect(env.emu.stats().GetRoleCredentials).toBe(2);
  });

  test("ignoreCache fetches on every call and replaces the shared credentials", async () => {
    standardConfig();
    await signIn("dev-session");
    const shared = await sdk.fromSSO({ profile: "dev" })();
    const bypass = sdk.fromSSO({ profile: "dev", ignoreCache: true });
    const first = await bypass();
    const second = await bypass();
    expect(new Set([shared.accessKeyId, first.accessKeyId, second.accessKeyId]).size).toBe(3);
    expect(env.emu.stats().GetRoleCredentials).toBe(3);
    const later = await sdk.fromSSO({ profile: "dev" })();
    expect(later.accessKeyId).toBe(second.accessKeyId);
    expect(env.emu.stats().GetRoleCredentials).toBe(3);
  });

  test("forceRefresh fetches new credentials", async () => {
    standardConfig();
    await signIn("dev-session");
    const provider = sdk.fromSSO({ profile: "dev" });
    const first = await provider();
    const forced = await provider({ forceRefresh: true });
    expect(forced.accessKeyId).not.toBe(first.accessKeyId);
    expect(await provider()).toBe(forced);
  });
});

describe("errors", () => {
  test("a token and its refresh token revoked server-side give Unauthorized with the exact sign-in commands", async () => {
    standardConfig();
    const seeded = await signIn("dev-session");
    env.emu.revokeToken(seeded.accessToken);
    const provider = sdk.fromSSO({ profile: "dev" });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.SsoCredentialsProviderError);
    expect(error).toMatchObject({
      reason: "Unauthorized",
      tryNextLink: false,
      signInCommand: "sso-kit login --profile dev",
    });
    expect((error as Error).message).toContain("'sso-kit login --profile dev'");
    expect((error as Error).message).toContain("'aws sso login --profile dev'");
    // Its refresh token was revoked with it: the one refresh attempt failed, and that is the cause.
    expect((error as Error).cause).toMatchObject({ name: "TokenProviderError", reason: "SessionEnded" });
    expect(env.emu.stats().CreateToken).toBe(1);
    // Signing in again is enough: the same provider recovers.
    await signIn("dev-session");
    await expect(provider()).resolves.toMatchObject({ accountId: ACCOUNT });
  });

  test("throttling and 5xx are retried (bounded), then reported as ServiceUnavailable", async () => {
    standardConfig();
    await signIn("dev-session");
    env.emu.faults.add({ operation: "GetRoleCredentials", exception: "TooManyRequestsException", times: 1 });
    env.emu.faults.add({ operation: "GetRoleCredentials", status: 500, times: 1 });
    await expect(sdk.fromSSO({ profile: "dev" })()).resolves.toMatchObject({ accountId: ACCOUNT });
    expect(env.emu.stats().GetRoleCredentials).toBe(3);

    env.emu.reset();
    env.emu.faults.add({ operation: "GetRoleCredentials", status: 503 });
    const error = await sdk
      .fromSSO({ profile: "admin" })()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "ServiceUnavailable", tryNextLink: false });
    expect((error as Error).message).toContain("after 3 attempts");
    expect(env.emu.stats().GetRoleCredentials).toBe(3);
  });

  test("a dropped connection is a ServiceUnavailable failure, not a crash", async () => {
    standardConfig();
    await signIn("dev-session");
    env.emu.faults.add({ operation: "GetRoleCredentials", reset: true });
    await expect(sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({ reason: "ServiceUnavailable" });
  });

  test("credentials still valid are kept through a transient failure, then refreshed", async () => {
    standardConfig();
    await signIn("dev-session");
    const { lines, logger } = recordingLogger();
    env.emu.faults.add({ ...cannedCredentials(4 * 60_000, "ASIAINWINDOW"), times: 1 });
    const provider = sdk.fromSSO({ profile: "dev", logger });
    const first = await provider();
    env.emu.faults.add({ operation: "GetRoleCredentials", status: 503 });
    expect(await provider()).toBe(first);
    expect(lines.some((line) => line.startsWith("warn") && line.includes("until they expire"))).toBe(true);
    // The next attempt waits: no request storm against a failing portal.
    const requests = env.emu.stats().GetRoleCredentials;
    expect(await provider()).toBe(first);
    expect(env.emu.stats().GetRoleCredentials).toBe(requests);
  });

  test("a reply without complete credentials is invalid temporary credentials", async () => {
    standardConfig();
    await signIn("dev-session");
    env.emu.faults.add({
      operation: "GetRoleCredentials",
      response: { body: { roleCredentials: { accessKeyId: "ASIAX" } } },
    });
    await expect(sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({
      reason: "InvalidCredentials",
      message: expect.stringContaining("invalid temporary credentials"),
    });
    env.emu.faults.clear();
    env.emu.faults.add({ operation: "GetRoleCredentials", body: "malformed" });
    await expect(sdk.fromSSO({ profile: "admin" })()).rejects.toMatchObject({ reason: "InvalidCredentials" });
  });

  test("a role the user does not have is a ServiceError naming the account and role", async () => {
    standardConfig(
      `[profile nope]\nsso_session = dev-session\nsso_account_id = 333333333333\nsso_role_name = AdministratorAccess\n`,
    );
    await signIn("dev-session");
    const error = await sdk
      .fromSSO({ profile: "nope" })()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "ServiceError", tryNextLink: false });
    expect((error as Error).message).toContain("AdministratorAccess in account 333333333333");
  });

  test("not-SSO profiles let a chain go on; token-only and broken SSO profiles stop it, as officially", async () => {
    standardConfig(`[profile half]\nsso_session = dev-session\nsso_account_id = ${ACCOUNT}\n`);
    await expect(sdk.fromSSO({ profile: "static" })()).rejects.toMatchObject({
      reason: "NotApplicable",
      tryNextLink: true,
    });
    await expect(sdk.fromSSO({ profile: "absent" })()).rejects.toMatchObject({
      reason: "NotApplicable",
      tryNextLink: true,
    });
    await expect(sdk.fromSSO({ profile: "token-only" })()).rejects.toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
    });
    await expect(sdk.fromSSO({ profile: "half" })()).rejects.toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
    });
    await expect(sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({
      reason: "Token",
      tryNextLink: false,
    });
  });

  test("a legacy token is never refreshed: expired means sign in again", async () => {
    standardConfig();
    await signIn(env.emu.startUrl, { expiresAt: new Date(Date.now() - 1000) });
    await expect(sdk.fromSSO({ profile: "legacy" })()).rejects.toMatchObject({
      reason: "Token",
      signInCommand: "sso-kit login --profile legacy",
      message: expect.stringContaining("cannot be refreshed"),
    });
    expect(env.emu.stats().CreateToken).toBe(0);
  });

  test("an almost expired sso-session token is refreshed through SSO-OIDC and written back", async () => {
    standardConfig();
    const seeded = await signIn("dev-session", { expiresAt: new Date(Date.now() + 60_000) });
    await sdk.fromSSO({ profile: "dev" })();
    expect(env.emu.stats().CreateToken).toBe(1);
    const cached = await new SsoTokenCache().readToken("dev-session");
    expect(cached?.accessToken).not.toBe(seeded.accessToken);
  });
});

describe("client configuration", () => {
  const tokenAboutToExpire = () => signIn("dev-session", { expiresAt: new Date(Date.now() + 60_000) });
  const portalAndOidc = (seen: { url: string }[]) =>
    seen
      .filter((r) => r.url.endsWith("/federation/credentials") || r.url.endsWith("/token"))
      .map((r) => new URL(r.url).pathname);

  test("clientConfig beats parentClientConfig, which beats the caller, for both the SSO and SSO-OIDC clients", async () => {
    standardConfig();
    for (const winner of ["clientConfig", "parentClientConfig", "callerClientConfig"] as const) {
      jest.resetModules();
      forgetProcessWideState();
      sdk = await import("./index.js");
      await tokenAboutToExpire();
      const handlers = {
        clientConfig: redirectingHandler(env.emu),
        parentClientConfig: redirectingHandler(env.emu),
        callerClientConfig: redirectingHandler(env.emu),
      };
      const order = ["clientConfig", "parentClientConfig", "callerClientConfig"] as const;
      const given = order.slice(order.indexOf(winner));
      const config = (key: (typeof order)[number]) =>
        given.includes(key) ? { requestHandler: handlers[key].handler } : undefined;
      await sdk.fromSSO({
        profile: "dev",
        clientConfig: config("clientConfig"),
        parentClientConfig: config("parentClientConfig"),
      })({ callerClientConfig: config("callerClientConfig") });
      expect(portalAndOidc(handlers[winner].seen)).toEqual(["/token", "/federation/credentials"]);
      for (const loser of given.filter((key) => key !== winner)) expect(handlers[loser].seen).toEqual([]);
    }
  });

  test("the caller's logger and app id reach the SSO client; its region never does", async () => {
    standardConfig();
    await signIn("dev-session");
    delete process.env.AWS_ENDPOINT_URL_SSO;
    const { lines, logger } = recordingLogger();
    const redirect = redirectingHandler(env.emu);
    await sdk.fromSSO({ profile: "dev", clientConfig: { region: "eu-west-3" } })({
      callerClientConfig: {
        region: async () => "ap-south-1",
        logger,
        requestHandler: redirect.handler,
        userAgentAppId: async () => "my-app",
      },
    });
    const [request] = redirect.seen;
    expect(request?.url).toBe("https://portal.sso.us-east-1.amazonaws.com/federation/credentials");
    expect(request?.headers["user-agent"] ?? request?.headers["x-amz-user-agent"]).toContain("app/my-app");
    expect(lines.some((line) => line.includes("GetRoleCredentialsCommand"))).toBe(true);
  });

  test("an ssoClient is used as is", async () => {
    standardConfig();
    await signIn("dev-session");
    const redirect = redirectingHandler(env.emu);
    const ssoClient = new SSOClient({ region: "us-east-1", requestHandler: redirect.handler });
    await sdk.fromSSO({ profile: "dev", ssoClient })();
    expect(redirect.seen.map((r) => new URL(r.url).pathname)).toEqual(["/federation/credentials"]);
  });

  test("as the credentials of an SDK client, it signs requests the emulator verifies", async () => {
    standardConfig();
    await signIn("dev-session");
    const userAgents: string[] = [];
    const sts = new STSClient({ region: "eu-west-1", credentials: sdk.fromSSO({ profile: "dev" }) });
    sts.middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        userAgents.push(headers["user-agent"] ?? "");
        return next(args);
      },
      { step: "finalizeRequest", name: "recordUserAgent" },
    );
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(ACCOUNT);
    expect(identity.Arn).toMatch(/:assumed-role\/ReadOnly\//);
    // The credential feature flags reach the user agent's metrics: s (CREDENTIALS_SSO), r (CREDENTIALS_PROFILE_SSO).
    const metrics = /(?:^| )m\/([^ ]+)/.exec(userAgents[0] ?? "")?.[1]?.split(",") ?? [];
    expect(metrics).toEqual(expect.arrayContaining(["s", "r"]));
  });
});
