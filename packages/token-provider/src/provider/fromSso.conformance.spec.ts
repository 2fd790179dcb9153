/**
 * Table-driven run of test/fixtures/conformance/token_refresh_scenarios.json through `fromSso` (or
 * `fromSsoSession` for scenarios without a config file), the real SSO-OIDC client and the emulator. Scenario
 * times are rebased onto the real clock; refresh replies are canned emulator replies, and request bodies are
 * read from a recording proxy in front of the emulator.
 */
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";
import { TokenProviderError } from "@smithy/property-provider";
import type { TokenIdentity } from "@smithy/types";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startRecordingProxy } from "../../../../test/support/token-provider/recordingProxy.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { parseTimestamp } from "../cache/parseTimestamp.js";
import { SsoTokenCache } from "../cache/SsoTokenCache.js";
import { fromSso } from "./fromSso.js";
import { fromSsoSession } from "./fromSsoSession.js";
import { refreshState } from "./refreshState.js";

type Json = Record<string, unknown>;

interface Scenario {
  id: string;
  name: string;
  category: string;
  config: string | null;
  context: Json;
  currentTime: string | null;
  cachedToken: Json | null;
  cachedTokenRaw?: string;
  refreshResponse: unknown;
  expectedRefreshRequest?: Json | null;
  expectedToken?: Json;
  expectedError?: { kind: string; message?: string; messageContains?: string; tryNextLink?: boolean };
  expectedCacheWrite?: unknown;
  expectedResolution?: string;
  providerOptions?: Json;
  steps?: Json[];
  input?: Json;
  variants?: Array<{ diff: Record<string, string> }>;
}

const scenarios = JSON.parse(
  readFileSync(join(__dirname, "../../../../test/fixtures/conformance/token_refresh_scenarios.json"), "utf8"),
) as Scenario[];

/** Scenarios not run here, by id, with the reason. */
const SKIPPED: Record<string, string> = {
  "rust/save_cached_token":
    "pins Rust's exact bytes (key order, no millis); the same token is written and read back by value in " +
    "SsoTokenCache.spec.ts ('rust/save_cached_token by value') — sso-kit writes the JS SDK's toISOString() form",
  "rust/parse_valid_token":
    "parse-only scenario: run in 'cache-file parse scenarios' below (no provider, no clock)",
  "rust/parse_invalid_timestamp": "parse-only scenario: run in 'cache-file parse scenarios' below",
  "c-auth/parse_sso_token_valid": "parse-only scenario: run in 'cache-file parse scenarios' below",
  "rust/refresh_timings": "multi-step scenario: run in 'refresh timing steps' below",
  "js/refresh-throttle-30s": "multi-step scenario: run in 'refresh timing steps' below",
  "js/write-failure-swallowed": "needs the write to fail mid-refresh: run in 'write failure' below",
};

/**
 * Where sso-kit deliberately differs from the scenario's expectation (see the README's table), by id: the
 * expectation used instead.
 */
const DIVERGENCES: Record<string, { reason: string; patch: Partial<Scenario> }> = {
  "js/config-profile-not-found": {
    reason: "contract: a missing profile lets a chain go on (tryNextLink true); the JS SDK stops it",
    patch: {
      expectedError: {
        kind: "InvalidConfig",
        messageContains: "Profile 'mockProfileName' could not be found in shared credentials file.",
        tryNextLink: true,
      },
    },
  },
  "js/config-profile-without-sso_session": {
    reason:
      "the SDK's own ini loader drops a section without keys, so the empty [profile mockProfileName] reads as " +
      "missing (the JS SDK's test mocks the loader); same outcome for a chain (tryNextLink true)",
    patch: {
      expectedError: {
        kind: "InvalidConfig",
        messageContains: "Profile 'mockProfileName' could not be found in shared credentials file.",
        tryNextLink: true,
      },
    },
  },
  "sep/refresh-without-new-refresh-token": {
    reason:
      "a reply without refreshToken keeps the old one (as Rust); the other SDKs drop it and cannot refresh again",
    patch: {}, // expectedCacheWrite patched below (it is derived from the scenario)
  },
  "rust/expired_token_refresh_fails": {
    reason:
      "Rust returns the already-expired token; sso-kit (like botocore, JS, Java, Go) fails with the cause",
    patch: {
      expectedToken: undefined,
      expectedError: { kind: "ExpiredToken", messageContains: "could not be refreshed" },
    },
  },
  "java/minimal-expired-negative-expiresIn": {
    reason:
      "the cached token has no refreshToken, so sso-kit (like the JS SDK) never calls CreateToken; the " +
      "negative-expiresIn reply is covered in fromSsoSession.spec.ts",
    patch: { expectedError: { kind: "ExpiredToken", messageContains: "has no refreshToken" } },
  },
  "java/refresh-missing-expiresIn": {
    reason:
      "the cached token has no refreshToken, so sso-kit never calls CreateToken; a reply without expiresIn is " +
      "covered in fromSsoSession.spec.ts",
    patch: { expectedError: { kind: "ExpiredToken", messageContains: "has no refreshToken" } },
  },
  "java/refresh-missing-accessToken": {
    reason:
      "the cached token has no refreshToken, so sso-kit never calls CreateToken; a reply without accessToken is " +
      "covered in fromSsoSession.spec.ts",
    patch: { expectedError: { kind: "ExpiredToken", messageContains: "has no refreshToken" } },
  },
  "java/refresh-nonservice-failure": {
    reason:
      "registrationExpiresAt is past: sso-kit (like botocore) does not attempt the refresh that Java attempts",
    patch: { expectedError: { kind: "ExpiredToken", messageContains: "client registration expired" } },
  },
};

/** Errors that let a provider chain go on although the scenario has none: an SSO profile without sso_session. */
const CHAIN_GOES_ON = new Set(["c-auth/token-config-no-sso-session"]);

/** Every scenario with its variants expanded into scenarios of their own. */
const expanded: Scenario[] = scenarios.flatMap((scenario) => [
  scenario,
  ...(scenario.variants ?? []).flatMap((variant, i) => {
    const copy = structuredClone(scenario) as Scenario & Json;
    copy.id = `${scenario.id}#variant-${i + 1}`;
    delete copy.variants;
    for (const [path, value] of Object.entries(variant.diff)) {
      if (path === "currentTime") {
        copy.currentTime = /\d{4}-\d{2}-\d{2}T[\d:.]+Z/.exec(value)?.[0] ?? value;
      } else if (path === "context") {
        copy.context = { ...scenario.context, sessionNote: value };
      } else {
        const [head, key] = path.split(".") as [string, string];
        (copy[head] as Json)[key] = value;
      }
    }
    return [copy];
  }),
]);

const runnable = expanded.filter((s) => SKIPPED[s.id.split("#")[0]!] === undefined);

describe("token_refresh_scenarios.json", () => {
  it("names only real scenarios in its skip and divergence lists, and runs all the others", () => {
    const ids = scenarios.map((s) => s.id);
    for (const id of [...Object.keys(SKIPPED), ...Object.keys(DIVERGENCES)]) {
      expect(ids).toContain(id);
    }
    expect(scenarios.filter((s) => !runnable.some((r) => r.id === s.id)).map((s) => s.id)).toEqual(
      ids.filter((id) => SKIPPED[id] !== undefined),
    );
  });

  const home = useTempHome({ prefix: "sso-kit-token-provider-" });
  let emu: Emulator;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

  beforeAll(async () => {
    emu = await startEmulator({});
    proxy = await startRecordingProxy(emu.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await emu?.stop();
  });
  beforeEach(() => {
    emu.reset();
    proxy.requests.length = 0;
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = proxy.url;
  });

  /** Shifts scenario times onto the real clock. */
  const clockFor = (scenario: Scenario) => {
    const now = Date.now();
    const base =
      scenario.currentTime === null || scenario.currentTime === "now" ? undefined : scenario.currentTime;
    const shift = base === undefined ? 0 : now - parseTimestamp(base)!.getTime();
    const at = (value: string): number | undefined => {
      const relative = /^~?now(?:([+-]\d+)(ms|s))?$/.exec(value);
      if (relative !== null) {
        return now + Number(relative[1] ?? 0) * (relative[2] === "s" ? 1000 : 1);
      }
      const parsed = parseTimestamp(value);
      return parsed === undefined ? undefined : parsed.getTime() + shift;
    };
    const rebase = (value: unknown): unknown => {
      if (typeof value !== "string") return value;
      const time = at(value);
      return time === undefined ? value : new Date(time).toISOString();
    };
    return { now, at, rebase };
  };

  const secretsOf = (scenario: Scenario): string[] => {
    const values = [
      scenario.cachedToken?.accessToken,
      scenario.cachedToken?.refreshToken,
      scenario.cachedToken?.clientSecret,
      ...(scenario.refreshResponse !== null && typeof scenario.refreshResponse === "object"
        ? [(scenario.refreshResponse as Json).accessToken, (scenario.refreshResponse as Json).refreshToken]
        : []),
    ];
    // Placeholder values with spaces ("refresh token") or short ones are ordinary words in messages.
    return values.filter((v): v is string => typeof v === "string" && v.length >= 8 && !v.includes(" "));
  };

  const faultsFor = (response: unknown): FaultRule[] => {
    if (response === null || response === undefined) return [];
    const reply = response as Json;
    if (Array.isArray(reply.sequence)) return reply.sequence.flatMap(faultsFor);
    if (reply.error !== undefined) {
      const error = reply.error as Json;
      if (typeof error.httpStatus === "number") {
        return [{ operation: "CreateToken", status: error.httpStatus }];
      }
      if (typeof error.message === "string") {
        return [{ operation: "CreateToken", exception: "InvalidRequestException", message: error.message }];
      }
      // A client-side failure: the connection drops without a reply.
      return [{ operation: "CreateToken", reset: true }];
    }
    return [{ operation: "CreateToken", times: 1, response: { body: reply } }];
  };

  /** Writes config + token, builds the provider the scenario describes. */
  const setUp = (scenario: Scenario, clock: ReturnType<typeof clockFor>) => {
    const { logger, lines } = recordingLogger();
    const sessionName = scenario.config === null ? "test" : undefined;
    const cache = new SsoTokenCache();
    let tokenKey: string | undefined = sessionName;
    if (scenario.config !== null) {
      mkdirSync(join(home.dir, ".aws"), { recursive: true });
      writeFileSync(join(home.dir, ".aws", "config"), realRegion(scenario.config));
      tokenKey = /sso_session\s*=\s*(\S+)/.exec(scenario.config)?.[1];
    }
    let written: string | undefined;
    if (tokenKey !== undefined && (scenario.cachedToken !== null || scenario.cachedTokenRaw !== undefined)) {
      const text =
        scenario.cachedTokenRaw ??
        JSON.stringify(
          Object.fromEntries(
            Object.entries(scenario.cachedToken!).map(([k, v]) =>
              k === "expiresAt" || k === "registrationExpiresAt" ? [k, clock.rebase(v)] : [k, v],
            ),
          ),
          null,
          2,
        );
      mkdirSync(cache.directory, { recursive: true });
      writeFileSync(cache.tokenPath(tokenKey), text);
      written = text;
    }
    for (const fault of faultsFor(scenario.refreshResponse)) emu.faults.add(fault);
    const refreshWindowMs = scenario.providerOptions?.prefetchTime === "PT90S" ? 90_000 : undefined;
    const provider =
      sessionName !== undefined
        ? fromSsoSession({
            session: {
              name: sessionName,
              startUrl: String(scenario.context.ssoStartUrl ?? "https://d-123.awsapps.com/start"),
              region: String(scenario.context.ssoRegion ?? "us-west-2"),
            },
            logger,
            ...(refreshWindowMs !== undefined && { refreshWindowMs }),
          })
        : fromSso({
            profile: String(scenario.context.profile ?? "default"),
            ignoreCache: true,
            logger,
            ...(refreshWindowMs !== undefined && { refreshWindowMs }),
          });
    const tokenPath = tokenKey === undefined ? undefined : cache.tokenPath(tokenKey);
    return { provider, lines, tokenPath, written };
  };

  const expectNoSecrets = (texts: string[], secrets: string[]) => {
    for (const text of texts) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  };

  it.each(runnable.map((s) => [s.id, s] as const))("%s", async (id, original) => {
    const divergence = DIVERGENCES[id];
    const scenario: Scenario = { ...original, ...divergence?.patch };
    const clock = clockFor(scenario);
    const { provider, lines, tokenPath, written } = setUp(scenario, clock);
    if (scenario.expectedResolution?.startsWith("provider-returned")) {
      // Resolution scenarios carry no token; give the resolved session one so the provider can return it.
      const session = /sso_session\s*=\s*(\S+)/.exec(scenario.config!)![1]!;
      await new SsoTokenCache().writeToken(session, {
        accessToken: "resolution-token",
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
    }

    let result: TokenIdentity | undefined;
    let error: unknown;
    try {
      result = await provider();
    } catch (e) {
      error = e;
    }
    const finished = Date.now();
    const secrets = secretsOf(scenario);
    expectNoSecrets([...lines, ...(error instanceof Error ? [error.message] : [])], secrets);

    if (scenario.expectedResolution !== undefined) {
      if (scenario.expectedResolution.startsWith("provider-returned")) {
        expect(error).toBeUndefined();
        expect(result?.token).toBe("resolution-token");
      } else {
        expect(error).toBeInstanceOf(TokenProviderError);
        expect((error as TokenProviderError).tryNextLink).toBe(true);
      }
      return;
    }

    if (scenario.expectedError !== undefined) {
      expect(result).toBeUndefined();
      expect(error).toBeInstanceOf(TokenProviderError);
      const failure = error as TokenProviderError;
      const expected = scenario.expectedError;
      // The JS SDK's config messages are kept word for word; other SDKs' wording is not ours.
      const jsText = expected.message ?? expected.messageContains;
      if (jsText !== undefined && /^(Profile|Sso session) '/.test(jsText)) {
        expect(failure.message).toContain(jsText);
      }
      expect(failure.tryNextLink).toBe(expected.tryNextLink ?? CHAIN_GOES_ON.has(id));
      // A failed refresh names its cause.
      const cause = ((scenario.refreshResponse as Json | null)?.error as Json | undefined)?.message;
      if (typeof cause === "string") {
        expect(failure.message).toContain(`InvalidRequestException: ${cause}`);
      }
      expectErrorKind(failure.message, expected, scenario);
      if (scenario.category !== "resolution" && scenario.config !== null) {
        expect(failure.message).toContain(`sso-kit login --profile ${String(scenario.context.profile)}`);
        expect(failure.message).toContain("aws sso login");
      }
    } else {
      expect(error).toBeUndefined();
      const expectedToken = scenario.expectedToken!;
      expect(result?.token).toBe(expectedToken.token);
      const expectedExpiry = clock.at(
        String(expectedToken.expiration ?? expectedToken.expirationEpochSeconds),
      )!;
      const refreshed = expectedToken.token !== scenario.cachedToken?.accessToken;
      if (refreshed) {
        // Expiry = time of the refresh + expiresIn, and the refresh happened between `clock.now` and `finished`.
        expect(result!.expiration!.getTime()).toBeGreaterThanOrEqual(expectedExpiry);
        expect(result!.expiration!.getTime()).toBeLessThanOrEqual(expectedExpiry + (finished - clock.now));
      } else {
        expect(result!.expiration!.getTime()).toBe(expectedExpiry);
      }
    }

    const bodies = proxy.createTokenBodies();
    if (
      scenario.expectedRefreshRequest === null ||
      (scenario.refreshResponse === null && scenario.expectedRefreshRequest === undefined)
    ) {
      expect(bodies).toEqual([]);
      expect(emu.stats().CreateToken).toBe(0);
    } else if (scenario.expectedRefreshRequest !== undefined) {
      expect(bodies.length).toBeGreaterThanOrEqual(1);
      // Retries of a 5xx repeat the same request.
      for (const body of bodies) expect(body).toEqual(scenario.expectedRefreshRequest);
      expect(emu.stats().CreateToken).toBe(bodies.length);
    }

    const onDisk = tokenPath === undefined ? undefined : readIfExists(tokenPath);
    if (scenario.expectedCacheWrite === null || scenario.expectedCacheWrite === undefined) {
      expect(onDisk).toBe(written);
    } else {
      const file = JSON.parse(onDisk!) as Json;
      const expectedWrite = expectedCacheFile(scenario, id);
      for (const [key, value] of Object.entries(expectedWrite)) {
        if (key === "expiresAt") {
          expect(file.expiresAt).toBe(result!.expiration!.toISOString());
        } else if (key === "registrationExpiresAt") {
          expect(Date.parse(String(file[key]))).toBe(clock.at(String(value)));
        } else {
          expect([key, file[key]]).toEqual([key, value]);
        }
      }
      expect(Object.keys(file).sort()).toEqual(Object.keys(expectedWrite).sort());
    }
  });

  /** The file expected after a refresh: the scenario's, adjusted where sso-kit diverges. */
  const expectedCacheFile = (scenario: Scenario, id: string): Json => {
    const write = scenario.expectedCacheWrite;
    let expected: Json;
    if (typeof write === "string") {
      // "refreshed token stored via OnDiskTokenManager": the cached token with the reply's values.
      const reply = scenario.refreshResponse as Json;
      expected = {
        ...scenario.cachedToken,
        accessToken: reply.accessToken,
        expiresAt: "",
        refreshToken: reply.refreshToken,
      };
    } else {
      const object = write as Json;
      expected = (object.contents as Json | undefined) ?? object;
    }
    if (id === "sep/refresh-without-new-refresh-token") {
      expected = { ...expected, refreshToken: scenario.cachedToken!.refreshToken };
    }
    return expected;
  };

  describe("cache-file parse scenarios", () => {
    const parseScenarios = scenarios.filter((s) => s.category === "cache-file-parse");

    it.each(parseScenarios.map((s) => [s.id, s] as const))("%s", async (_id, scenario) => {
      const cache = new SsoTokenCache();
      mkdirSync(cache.directory, { recursive: true });
      writeFileSync(cache.tokenPath("test"), JSON.stringify(scenario.cachedToken));
      if (scenario.expectedError !== undefined) {
        const error = await cache.readToken("test").then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(error).toBeInstanceOf(TokenProviderError);
        expect(error!.message.toLowerCase()).toContain(scenario.expectedError.messageContains!.toLowerCase());
        return;
      }
      const token = (await cache.readToken("test"))!;
      const expected = scenario.expectedToken!;
      expect(token.accessToken).toBe(expected.token);
      if (expected.expirationEpochSeconds !== undefined) {
        expect(Date.parse(token.expiresAt) / 1000).toBe(expected.expirationEpochSeconds);
      }
      if (expected.registrationExpiresAtEpochSeconds !== undefined) {
        expect(Date.parse(token.registrationExpiresAt!) / 1000).toBe(
          expected.registrationExpiresAtEpochSeconds,
        );
      }
      for (const key of ["clientId", "clientSecret", "refreshToken", "region", "startUrl"]) {
        if (expected[key] !== undefined) expect(token[key]).toBe(expected[key]);
      }
    });
  });

  describe("refresh timing steps", () => {
    it("rust/refresh_timings: 5-minute window, one attempt per 30 s, old refresh token kept", async () => {
      const scenario = scenarios.find((s) => s.id === "rust/refresh_timings")!;
      const cached = scenario.cachedToken!;
      const expiresAt = parseTimestamp(String(cached.expiresAt))!.getTime();
      const { logger, lines } = recordingLogger();
      const provider = fromSsoSession({
        session: { name: "test", startUrl: String(cached.startUrl), region: String(cached.region) },
        logger,
        // One HTTP request per attempt, so that each fault answers exactly one step.
        clientConfig: { maxAttempts: 1 },
      });
      const cache = new SsoTokenCache();
      for (const fault of faultsFor(scenario.refreshResponse)) {
        emu.faults.add({ ...fault, times: 1 });
      }
      let attempts = 0;
      let lastStepAttempt: number | undefined;
      for (const step of scenario.steps!) {
        const stepTime = parseTimestamp(String(step.at))!.getTime();
        // Rebase: the token's remaining life at this step, and the last attempt's age, on the real clock.
        const current = await cache.readToken("test");
        if (current === undefined || current.accessToken === cached.accessToken) {
          await cache.writeToken("test", {
            ...cached,
            expiresAt: new Date(Date.now() + (expiresAt - stepTime)).toISOString(),
            registrationExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          } as never);
        }
        const path = cache.tokenPath("test");
        if (lastStepAttempt !== undefined) {
          // The last attempt happened (stepTime - lastStepAttempt) ago in scenario time.
          refreshState.lastAttempt.set(path, Date.now() - (stepTime - lastStepAttempt));
        }
        const before = proxy.createTokenBodies().length;
        const token = await provider();
        const expected = step.expectedToken as Json;
        expect([step.at, token.token]).toEqual([step.at, expected.token]);
        const attempted = proxy.createTokenBodies().length > before;
        expect([step.at, attempted]).toEqual([step.at, step.refreshAttempted]);
        if (attempted) {
          attempts += 1;
          lastStepAttempt = stepTime;
        }
      }
      expect(attempts).toBe(3);
      // The final reply had no refreshToken: the old one is kept.
      expect((await cache.readToken("test"))?.refreshToken).toBe(cached.refreshToken);
      expect(lines.some((line) => line.startsWith("warn") && line.includes("using the cached token"))).toBe(
        true,
      );
    });
    it("js/refresh-throttle-30s: a second call within 30 s does not call CreateToken again", async () => {
      const scenario = scenarios.find((s) => s.id === "js/refresh-throttle-30s")!;
      mkdirSync(join(home.dir, ".aws"), { recursive: true });
      writeFileSync(join(home.dir, ".aws", "config"), realRegion(scenario.config!));
      const cache = new SsoTokenCache();
      const session = /sso_session\s*=\s*(\S+)/.exec(scenario.config!)![1]!;
      const write = (expiresAt: string) =>
        cache.writeToken(session, { ...(scenario.cachedToken as never as object), expiresAt } as never);
      for (const fault of faultsFor(scenario.refreshResponse)) emu.faults.add(fault);
      const provider = fromSso({ profile: String(scenario.context.profile), ignoreCache: true });

      await write(new Date(Date.now() - 1000).toISOString());
      await expect(provider()).resolves.toMatchObject({ token: "mockNewAccessToken" });
      expect(emu.stats().CreateToken).toBe(1);

      // Call 2: the file is expired again (e.g. another tool restored it) within 30 s of the attempt.
      await write(new Date(Date.now() - 1000).toISOString());
      const error = await provider().then(
        () => undefined,
        (e: unknown) => e as TokenProviderError,
      );
      expect(error).toBeInstanceOf(TokenProviderError);
      expect(error!.message).toContain("expired");
      expect(emu.stats().CreateToken).toBe(1);

      // Call 2 (alt): inside no window, the cached token is returned.
      const later = new Date(Date.now() + 301_000).toISOString();
      await write(later);
      await expect(provider()).resolves.toEqual({ token: "mockAccessToken", expiration: new Date(later) });
      expect(emu.stats().CreateToken).toBe(1);
    });
  });

  describe("write failure", () => {
    it("js/write-failure-swallowed: the new token is returned and the failure is logged (not swallowed)", async () => {
      const scenario = scenarios.find((s) => s.id === "js/write-failure-swallowed")!;
      mkdirSync(join(home.dir, ".aws"), { recursive: true });
      writeFileSync(join(home.dir, ".aws", "config"), realRegion(scenario.config!));
      const cache = new SsoTokenCache();
      const session = /sso_session\s*=\s*(\S+)/.exec(scenario.config!)![1]!;
      await cache.writeToken(session, {
        ...(scenario.cachedToken as object),
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      } as never);
      emu.faults.add({
        operation: "CreateToken",
        times: 1,
        delayMs: 400,
        response: { body: scenario.refreshResponse },
      });
      const { logger, lines } = recordingLogger();
      const pending = fromSso({ profile: String(scenario.context.profile), ignoreCache: true, logger })();
      // While the reply is delayed, make the cache file impossible to replace (a non-empty directory).
      for (let i = 0; i < 200 && emu.stats().CreateToken === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(emu.stats().CreateToken).toBe(1);
      const path = cache.tokenPath(session);
      rmSync(path);
      mkdirSync(join(path, "blocker"), { recursive: true });
      const token = await pending;
      expect(token.token).toBe("mockNewAccessToken");
      expect(
        lines.some((l) => l.startsWith("warn") && l.includes("could not be saved") && l.includes(path)),
      ).toBe(true);
      expectNoSecrets(lines, ["mockNewAccessToken", "mockNewRefreshToken", "clientSecret"]);
    });
  });
});

/**
 * The JS SDK's fixtures use the placeholder region `mock_sso_region`, which the real SSO-OIDC client rejects
 * ("not a valid hostname component") before sending anything; a real region name stands in for it.
 */
const realRegion = (config: string): string => config.replace(/mock_sso_region/g, "us-east-1");

const readIfExists = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** The message says what kind of failure it is. */
const expectErrorKind = (message: string, expected: { kind: string }, scenario: Scenario): void => {
  switch (expected.kind) {
    case "ExpiredToken":
      expect(message).toMatch(/expired/);
      break;
    case "InvalidToken":
      expect(message).toMatch(/No SSO token found|is not usable|expired/);
      break;
    case "InvalidConfig":
      expect(message).toMatch(/sso_session|sso_start_url|sso_region|Sso session|could not be found/);
      break;
    default:
      throw new Error(`${scenario.id}: unexpected error kind ${expected.kind}`);
  }
};
