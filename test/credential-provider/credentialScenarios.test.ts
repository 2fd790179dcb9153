/**
 * The 68 credential-provider scenarios of test/fixtures/conformance/credential_scenarios.json, run through
 * `fromSSO` against the emulator: real config and token files in a temp HOME, the SDK's request handler (its
 * requests are recorded, then delivered to the emulator whatever host they were addressed to), canned GetRoleCredentials
 * replies from the scenario. Times are rebased onto the real clock. Where sso-kit deliberately differs from the
 * SDK a scenario comes from (see test/fixtures/conformance and the package README), the expectation is adapted
 * below with the reason; skipped scenarios name theirs.
 */
import type { Emulator, FaultRule } from "@sso-kit/emulator";
import { resolveSsoProfile, SsoTokenCache, writeJsonFileAtomic } from "@sso-kit/token-provider/internal";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  redirectingHandler,
  useEmulator,
  writeConfig,
  type SeenRequest,
} from "../support/credential-provider/testEnvironment";
import { forgetProcessWideState } from "../support/forgetProcessWideState";
import { useTempHome } from "../support/useTempHome";
import type * as CredentialProvider from "@sso-kit/credential-provider";
import { cacheTimestamp, scenarioClock, scenarioMillis, type ScenarioClock } from "./scenarioTime";

type Json = Record<string, unknown>;

interface Scenario {
  id: string;
  name: string;
  category: string;
  config:
    | string
    | { selected_profile: string; profiles: Record<string, Json>; sso_sessions?: Record<string, Json> }
    | null;
  env?: Record<string, string>;
  context: Json;
  currentTime: string | null;
  cachedToken?: Json | null;
  cachedCredentials?: { key: string; contents: Json };
  getRoleCredentialsResponse?: Json | null;
  expectedGetRoleCredentialsRequest?: { accountId: string; roleName: string; accessToken: string } | null;
  expectedHttpRequest?: { method: string; url: string; headers: Record<string, string> };
  expectedHttpTraffic?: unknown[];
  expectedCredentials?: Json | string;
  expectedToken?: { token: string };
  expectedError?: {
    kind: string;
    message?: string;
    messageContains?: string;
    messageFromCode?: string;
    tryNextLink?: boolean;
  };
  expectedGetRoleCredentialsCalls?: number;
  resolveCalls?: number;
  tokenProviderResult?: { token?: string; expiration?: string; error?: string };
}

const scenarios: Scenario[] = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/conformance/credential_scenarios.json"), "utf8"),
);

/** Scenarios that test something this package does not own. */
const SKIPPED: Record<string, string> = {
  "botocore/provider-cached-creds":
    "serves role credentials from the AWS CLI's on-disk cache (~/.aws/cli/cache); that cache belongs to the CLI " +
    "package (credential_process), fromSSO keeps role credentials in memory only (see provider-cached-creds-expired, " +
    "which checks that the file is ignored)",
  "go/custom-cached-token-file":
    "Go's CachedTokenFilepath option reads the token from an arbitrary file; fromSSO has no such option (nor has " +
    "the official JS provider): tokens always come from ~/.aws/sso/cache through @sso-kit/token-provider",
};

/** What sso-kit does instead of what the scenario's SDK does, and why. */
interface Adaptation {
  why: string;
  /** The error sso-kit gives instead (`expectError`: even where the scenario expects credentials). */
  reason?: string;
  tryNextLink?: boolean;
  expectError?: boolean;
  /** Resolve this profile instead; `notApplicable` must then give NotApplicable. */
  profile?: string;
  notApplicable?: string;
  /** A role-chain profile whose resolution must reach STS AssumeRole (signed with `profile`'s credentials). */
  assumes?: string;
}

const ADAPTED: Record<string, Adaptation> = {
  "botocore/func-sso-source-profile-legacy": {
    why:
      "fromSSO resolves the SSO source profile B as the scenario expects, and for A sends B's credentials to STS " +
      "AssumeRole; the assumed credentials themselves are checked in roleChain.test.ts (the emulator verifies " +
      "AssumeRole's signature, and this scenario's canned portal reply holds credentials it never issued)",
    profile: "B",
    assumes: "A",
  },
  "botocore/func-sso-source-profile-session": {
    why:
      "fromSSO resolves the SSO source profile B as the scenario expects, and for A sends B's credentials to STS " +
      "AssumeRole; the assumed credentials themselves are checked in roleChain.test.ts (the emulator verifies " +
      "AssumeRole's signature, and this scenario's canned portal reply holds credentials it never issued)",
    profile: "B",
    assumes: "A",
  },
  "java/creds-static-stability": {
    why:
      "sso-kit never hands out credentials that have already expired: after a failed refresh it keeps serving " +
      "the current ones only while they are valid (checked in fromSSO.spec), so here the failure is reported",
    reason: "ServiceUnavailable",
    tryNextLink: false,
    expectError: true,
  },
  "rust/assume-role-tests-sso-4": {
    why:
      "a token profile resolves a token, not credentials: InvalidConfig that stops a chain, as the official JS " +
      "provider's tryNextLink: false",
    reason: "InvalidConfig",
    tryNextLink: false,
    expectError: true,
  },
};

/** Facts each error message must state (our wording differs from the SDKs'; the facts must not). */
const MENTIONS: Record<string, string[]> = {
  "botocore/fetcher-unauthorized": ["sign in again", "rejected"],
  "botocore/fetcher-expired-legacy-token": ["expired", "sign in again"],
  "botocore/provider-missing-start-url": ["sso-profile", "sso_start_url"],
  "botocore/func-mismatched-session-values": [
    "sso_start_url",
    "https://test2.awsapps.com/start",
    "https://test.awsapps.com/start",
  ],
  "botocore/func-missing-sso-session": ["sso-test-session"],
  "cross/token-only-profile": ["selected profile will resolve an access token instead of credentials"],
  "rust/default-chain-sso_no_token_file": ["dace00cba5f8355ec9d274ceb2bcebdfbeed0e12.json", "sign in again"],
  "rust/default-chain-sso_server_error": ["503", "after 3 attempts"],
  "rust/assume-role-tests-sso-1": ["sso_role_name", "sso_account_id"],
  "rust/assume-role-tests-sso-2": ["sso_account_id", "sso_role_name"],
  "rust/assume-role-tests-sso-3": ["sso_region"],
  "rust/assume-role-tests-sso-4": ["selected profile will resolve an access token instead of credentials"],
  "rust/assume-role-tests-sso-5": ["oops"],
  "go/missing-required-parameter-values": ["accessToken and expiresAt"],
  "go/expired-access-token": ["expired"],
  "go/api-error": ["api error"],
  "go1/session-sso-invalid": ["sso_invalid", "sso_start_url"],
  "java/legacy-missing-sso_account_id": ["sso_account_id"],
  "java/legacy-missing-sso_region": ["sso_region"],
  "java/legacy-missing-sso_role_name": ["sso_role_name"],
  "java/legacy-missing-sso_start_url": ["sso_start_url"],
  "java/factory-sso-session-section-missing": ["foo"],
  "java/factory-sso-session-without-sso-region": ["sso_region", "foo"],
  "java/factory-sso-start-url-mismatch-between-profile-and-sso-session": ["sso_start_url"],
  "java/factory-sso-region-mismatch-between-profile-and-sso-session": ["sso_region"],
  "java/creds-unauthorized": ["sign in again"],
  "js/creds-token-file-fails": ["not signed in"],
  "js/creds-expired": ["expired"],
  "js/creds-api-error": ["error from GetRoleCredentialsCommand"],
  "js/creds-missing-accessKeyId": ["invalid temporary credentials", "accessKeyId"],
  "js/creds-missing-secretAccessKey": ["invalid temporary credentials", "secretAccessKey"],
  "js/creds-missing-sessionToken": ["invalid temporary credentials", "sessionToken"],
  "js/creds-missing-expiration": ["invalid temporary credentials", "expiration"],
  "js/fromSSO-not-sso-profile": ["mockProfileName"],
};

/** Expected `reason` per scenario error kind. */
const REASONS: Record<string, string[]> = {
  InvalidConfig: ["InvalidConfig"],
  NotApplicable: ["NotApplicable"],
  ExpiredToken: ["Token", "Unauthorized"],
  InvalidToken: ["Token"],
  TokenProviderError: ["Token"],
  ServiceError: ["ServiceError", "ServiceUnavailable"],
  InvalidCredentials: ["InvalidCredentials"],
};

const DEFAULT_ACCOUNT = "012345678901";
const DEFAULT_ROLE = "TestRole";
const DEFAULT_REGION = "us-east-1";

/** `mock_sso_region` is not a valid host label: the SDK client refuses it before sending anything. */
const usableRegion = (region: unknown): string =>
  typeof region === "string" && /^[a-z0-9-]+$/.test(region) ? region : DEFAULT_REGION;

const iniOf = (config: Exclude<Scenario["config"], string | null>): string => {
  const lines: string[] = [];
  for (const [name, values] of Object.entries(config.profiles)) {
    lines.push(`[profile ${name}]`, ...Object.entries(values).map(([k, v]) => `${k} = ${String(v)}`), "");
  }
  for (const [name, values] of Object.entries(config.sso_sessions ?? {})) {
    lines.push(`[sso-session ${name}]`, ...Object.entries(values).map(([k, v]) => `${k} = ${String(v)}`), "");
  }
  return lines.join("\n");
};

/** The start URL a Java legacy-token-file scenario's file name was hashed from. */
const quotedStartUrl = (note: unknown): string | undefined =>
  typeof note === "string" ? /sha1 of '([^']+)'/.exec(note)?.[1] : undefined;

/** How a scenario reaches fromSSO: a profile, or explicit options. */
interface Setup {
  init: Json;
  /** Token cache key (session name or start URL) when known without resolving config. */
  tokenKey: string | undefined;
}

const setupOf = (scenario: Scenario): Setup => {
  const { context } = scenario;
  if (scenario.config !== null) {
    const profile =
      typeof scenario.config === "object"
        ? scenario.config.selected_profile
        : (context.profile as string | undefined);
    return {
      init: profile === undefined || scenario.env?.AWS_PROFILE !== undefined ? {} : { profile },
      tokenKey: undefined,
    };
  }
  const accountId = (context.ssoAccountId ?? context.accountId ?? DEFAULT_ACCOUNT) as string;
  const roleName = (context.ssoRoleName ?? context.roleName ?? DEFAULT_ROLE) as string;
  const region = usableRegion(context.ssoRegion ?? context.region);
  const javaStartUrl = quotedStartUrl(context.tokenFile);
  const mode = context.mode ?? (javaStartUrl !== undefined ? "legacy" : "sso-session");
  if (mode === "legacy") {
    const startUrl = (context.ssoStartUrl ?? javaStartUrl) as string;
    return {
      init: { ssoStartUrl: startUrl, ssoRegion: region, ssoAccountId: accountId, ssoRoleName: roleName },
      tokenKey: startUrl,
    };
  }
  const session = (context.ssoSession ?? "scenario-session") as string;
  const startUrl = (context.ssoStartUrl ?? "https://d-abc123.awsapps.com/start") as string;
  return {
    init: {
      ssoSession: session,
      ssoStartUrl: startUrl,
      ssoRegion: region,
      ssoAccountId: accountId,
      ssoRoleName: roleName,
    },
    tokenKey: session,
  };
};

/** A token file's contents with its times rebased. */
const rebasedToken = (contents: Json, clock: ScenarioClock): Json => {
  const result: Json = { ...contents };
  for (const key of ["expiresAt", "registrationExpiresAt"]) {
    const value = contents[key];
    const millis = scenarioMillis(value, clock);
    if (typeof value === "string" && millis !== undefined) result[key] = cacheTimestamp(millis, value);
  }
  return result;
};

/** Writes the scenario's token file (rebased), where the scenario says or where the key's file belongs. */
const writeScenarioToken = async (scenario: Scenario, setup: Setup, clock: ScenarioClock, emu: Emulator) => {
  const cache = new SsoTokenCache();
  let key = setup.tokenKey;
  if (key === undefined && scenario.config !== null) {
    try {
      const profile = await resolveSsoProfile(
        setup.init.profile ? { profile: setup.init.profile as string } : {},
      );
      key = profile.kind === "sso-session" ? profile.session.name : profile.startUrl;
    } catch {
      key = undefined; // a config error scenario: no token is ever read
    }
  }
  const { cachedToken, tokenProviderResult } = scenario;
  if (cachedToken !== undefined && cachedToken !== null) {
    const explicitFile = typeof cachedToken.file === "string" && typeof cachedToken.contents === "object";
    const contents = rebasedToken((explicitFile ? cachedToken.contents : cachedToken) as Json, clock);
    if (typeof contents.accessToken === "string" && contents.accessToken !== "") {
      emu.seedToken({ accessToken: contents.accessToken, expiresAt: new Date(Date.now() + 3_600_000) });
    }
    if (explicitFile) {
      await writeJsonFileAtomic(join(cache.directory, cachedToken.file as string), contents, { mode: 0o600 });
    } else if (key !== undefined) {
      await writeJsonFileAtomic(cache.tokenPath(key), contents, { mode: 0o600 });
    }
    return;
  }
  if (key === undefined) return;
  if (tokenProviderResult?.error !== undefined) {
    // The token provider fails: an expired token that cannot be refreshed (no refresh token).
    await cache.writeToken(key, {
      accessToken: "expired-token",
      expiresAt: new Date(clock.now - 60_000).toISOString(),
    });
    return;
  }
  const accessToken = tokenProviderResult?.token ?? (scenario.context.accessToken as string | undefined);
  const reachesPortal = (scenario.getRoleCredentialsResponse ?? null) !== null;
  if (accessToken !== undefined || scenario.expectedError === undefined || reachesPortal) {
    // The scenario needs a signed-in session but does not describe its token.
    const token = accessToken ?? "scenario-token";
    const expiresAt = scenarioMillis(tokenProviderResult?.expiration, clock) ?? clock.now + 3_600_000;
    emu.seedToken({ accessToken: token, expiresAt: new Date(expiresAt) });
    await cache.writeToken(key, { accessToken: token, expiresAt: new Date(expiresAt).toISOString() });
  }
};

/** Fault rules that make GetRoleCredentials answer as the scenario says. */
const faultsOf = (
  response: Json | null | undefined,
  clock: ScenarioClock,
): Array<Omit<FaultRule, "operation">> => {
  if (response === null || response === undefined) {
    return [{ response: { body: { roleCredentials: generated(clock) } } }];
  }
  if (Array.isArray(response.sequence)) {
    return (response.sequence as Json[]).map((step, index, all) => ({
      ...faultsOf(step, clock)[0],
      ...(index < all.length - 1 && { times: 1 }),
    }));
  }
  if (typeof response.error === "object" && response.error !== null) {
    const error = response.error as Json;
    if (typeof error.code === "string") {
      return [
        { exception: error.code, ...(typeof error.message === "string" && { message: error.message }) },
      ];
    }
    if (typeof error.httpStatus === "number") return [{ status: error.httpStatus }];
    if (error.kind === "SdkClientException") return [{ status: 503, message: String(error.message) }];
    return [{ response: { status: 400, body: { message: error.message } } }];
  }
  const credentials = { ...(response.roleCredentials as Json) };
  if (credentials.expiration !== undefined)
    credentials.expiration = scenarioMillis(credentials.expiration, clock);
  return [{ response: { body: { roleCredentials: credentials } } }];
};

const generated = (clock: ScenarioClock) => ({
  accessKeyId: "ASIAGENERATED",
  secretAccessKey: "generated-secret",
  sessionToken: "generated-session-token",
  expiration: clock.now + 3_600_000,
});

const roleRequests = (seen: SeenRequest[]) =>
  seen.filter((request) => request.url.endsWith("/federation/credentials"));

const home = useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });
const env = useEmulator();

let sdk: typeof CredentialProvider;
beforeEach(async () => {
  // Each scenario gets fresh module state: no credentials shared in-process from an earlier scenario.
  jest.resetModules();
  forgetProcessWideState();
  sdk = await import("@sso-kit/credential-provider");
});

describe.each(scenarios.map((scenario) => [scenario.id, scenario] as const))("%s", (id, scenario) => {
  const skip = SKIPPED[id];
  if (skip !== undefined) {
    test.skip(`skipped: ${skip}`, () => undefined);
    return;
  }

  test(scenario.name, async () => {
    const { emu } = env;
    const clock = scenarioClock(scenario.currentTime);
    if (id === "js/fromSSO-incomplete") {
      // "one of them undefined": each of the four in turn.
      const complete = {
        ssoStartUrl: "https://d-abc123.awsapps.com/start",
        ssoAccountId: DEFAULT_ACCOUNT,
        ssoRegion: DEFAULT_REGION,
        ssoRoleName: DEFAULT_ROLE,
      };
      for (const missing of Object.keys(complete)) {
        const error = await sdk
          .fromSSO({ ...complete, [missing]: undefined })()
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
        expect((error as Error).message).toContain("Incomplete configuration");
        expect((error as Error).message).toContain(`missing: "${missing}"`);
      }
      expect(emu.stats().GetRoleCredentials).toBe(0);
      return;
    }
    for (const [key, value] of Object.entries(scenario.env ?? {})) {
      if (key !== "HOME") process.env[key] = value;
    }
    if (typeof scenario.config === "string") writeConfig(scenario.config);
    else if (scenario.config !== null) writeConfig(iniOf(scenario.config));
    if (scenario.cachedCredentials !== undefined) {
      // What the AWS CLI would have cached; fromSSO must not read it.
      const { key, contents } = scenario.cachedCredentials;
      await writeJsonFileAtomic(join(home.dir, ".aws", "cli", "cache", `${key}.json`), contents, {
        mode: 0o600,
      });
    }
    const adapted = ADAPTED[id];
    const setup = setupOf(scenario);
    if (adapted?.profile !== undefined) setup.init = { profile: adapted.profile };
    await writeScenarioToken(scenario, setup, clock, emu);
    for (const rule of faultsOf(scenario.getRoleCredentialsResponse, clock)) {
      emu.faults.add({ operation: "GetRoleCredentials", ...rule });
    }
    const redirect = redirectingHandler(emu);
    const provider = sdk.fromSSO({ ...setup.init, clientConfig: { requestHandler: redirect.handler } });

    const sequence = scenario.getRoleCredentialsResponse?.sequence;
    const calls = Math.max(scenario.resolveCalls ?? 1, Array.isArray(sequence) ? sequence.length : 1);
    const outcomes: Array<{ value?: Json; error?: unknown }> = [];
    for (let i = 0; i < calls; i++) {
      outcomes.push(
        await provider().then(
          (value) => ({ value: value as unknown as Json }),
          (error: unknown) => ({ error }),
        ),
      );
    }
    const last = outcomes[outcomes.length - 1] ?? {};
    const requests = roleRequests(redirect.seen);

    if (adapted?.notApplicable !== undefined) {
      await expect(sdk.fromSSO({ profile: adapted.notApplicable })()).rejects.toMatchObject({
        reason: "NotApplicable",
        tryNextLink: true,
      });
    }
    if (adapted?.assumes !== undefined) {
      const sts = redirectingHandler(emu);
      await sdk
        .fromSSO({ profile: adapted.assumes, clientConfig: { requestHandler: sts.handler } })()
        .catch(() => undefined);
      expect(sts.seen.map((request) => request.url)).toContain("https://sts.us-east-1.amazonaws.com/");
    }
    if (scenario.expectedError !== undefined || adapted?.expectError === true) {
      const error = last.error as InstanceType<typeof sdk.SsoCredentialsProviderError>;
      expect(error).toBeInstanceOf(sdk.SsoCredentialsProviderError);
      expect(error.name).toBe("CredentialsProviderError");
      const reasons =
        adapted?.reason !== undefined ? [adapted.reason] : REASONS[scenario.expectedError?.kind ?? ""];
      expect(reasons).toContain(error.reason);
      const tryNextLink =
        adapted?.tryNextLink ?? scenario.expectedError?.tryNextLink ?? error.reason === "NotApplicable";
      expect(error.tryNextLink).toBe(tryNextLink);
      for (const fact of MENTIONS[id] ?? [])
        expect(error.message.toLowerCase()).toContain(fact.toLowerCase());
      const named =
        setup.init.profile !== undefined || setup.init.ssoSession !== undefined || scenario.config !== null;
      if ((error.reason === "Unauthorized" || error.reason === "Token") && named) {
        expect(error.message).toMatch(/sso-kit login --(profile|sso-session) \S+/);
        expect(error.signInCommand).toMatch(/^sso-kit login --(profile|sso-session) \S+$/);
      }
      for (const token of redirect.seen.map((request) => request.headers["x-amz-sso_bearer_token"])) {
        if (token !== undefined) expect(error.message).not.toContain(token);
      }
    } else {
      expect(last.error).toBeUndefined();
    }

    const expected = scenario.expectedCredentials;
    if (typeof expected === "object" && expected !== null && adapted?.expectError !== true) {
      const credentials = last.value as Json;
      for (const key of ["accessKeyId", "secretAccessKey", "sessionToken", "accountId"]) {
        if (expected[key] !== undefined) expect(credentials[key]).toBe(expected[key]);
      }
      expect(credentials.accountId).toBe(
        (setup.init.ssoAccountId as string | undefined) ?? credentials.accountId,
      );
      const response = faultsOf(scenario.getRoleCredentialsResponse, clock)[0]?.response?.body as
        Json | undefined;
      const replied = (response?.roleCredentials as Json | undefined)?.expiration;
      const expiration = scenarioMillis(expected.expiration, clock) ?? replied;
      if (expiration !== undefined) expect((credentials.expiration as Date).getTime()).toBe(expiration);
      if (typeof expected.expirationEpochSeconds === "number") {
        expect(Math.floor((credentials.expiration as Date).getTime() / 1000)).toBe(
          expected.expirationEpochSeconds + Math.round(clock.shift / 1000),
        );
      }
      const legacy = setup.init.ssoSession === undefined && setup.tokenKey !== undefined;
      expect(credentials.$source).toEqual(
        expect.objectContaining(legacy ? { CREDENTIALS_SSO_LEGACY: "u" } : {}),
      );
    }

    const request = scenario.expectedGetRoleCredentialsRequest;
    if (request === null) expect(requests).toHaveLength(0);
    if (request !== undefined && request !== null) {
      expect(requests.length).toBeGreaterThan(0);
      for (const seen of requests) {
        expect(seen.query).toEqual({ account_id: request.accountId, role_name: request.roleName });
        expect(seen.headers["x-amz-sso_bearer_token"]).toBe(request.accessToken);
      }
    }
    if (scenario.expectedHttpRequest !== undefined) {
      const url = new URL(scenario.expectedHttpRequest.url);
      expect(requests[0]?.url).toBe(`${url.origin}${url.pathname}`);
      expect(requests[0]?.query).toEqual(Object.fromEntries(url.searchParams));
      for (const [name, value] of Object.entries(scenario.expectedHttpRequest.headers)) {
        expect(requests[0]?.headers[name]).toBe(value);
      }
    }
    if (scenario.expectedHttpTraffic !== undefined) {
      expect(redirect.seen).toEqual(scenario.expectedHttpTraffic);
    }
    if (scenario.expectedToken !== undefined) {
      expect(requests.map((seen) => seen.headers["x-amz-sso_bearer_token"])).toEqual([
        scenario.expectedToken.token,
      ]);
    }
    if (scenario.expectedGetRoleCredentialsCalls !== undefined) {
      expect(emu.stats().GetRoleCredentials).toBe(scenario.expectedGetRoleCredentialsCalls);
    }
    // The AWS CLI's role-credential cache is the CLI's: fromSSO never writes it.
    expect(
      existsSync(join(home.dir, ".aws", "cli", "cache")) && scenario.cachedCredentials === undefined,
    ).toBe(false);
  });
});
