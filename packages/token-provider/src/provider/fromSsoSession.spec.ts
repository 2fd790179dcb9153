import { startEmulator, type Emulator, type SeededToken } from "@sso-kit/emulator";
import { TokenProviderError } from "@smithy/property-provider";
import { readFileSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { readOnlyDirectory } from "../../../../test/support/unwritableDirectory.js";
import { SsoTokenCache } from "../cache/SsoTokenCache.js";
import type { SsoTokenFile } from "../cache/SsoTokenFile.js";
import { fromSsoSession, type FromSsoSessionInit } from "./fromSsoSession.js";

describe("fromSsoSession (against the emulator)", () => {
  useTempHome({ prefix: "sso-kit-token-provider-" });
  let emu: Emulator;
  const session = { name: "corp", startUrl: "https://d-0000000000.awsapps.com/start", region: "us-east-1" };
  /** Every error message and log line of the test, scanned for secrets afterwards. */
  let texts: string[];
  let secrets: Set<string>;
  let log: ReturnType<typeof recordingLogger>;

  beforeAll(async () => {
    emu = await startEmulator({ accessTokenTtlSeconds: 3600 });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    emu.reset();
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = emu.url;
    texts = [];
    secrets = new Set();
    log = recordingLogger();
  });
  afterEach(() => {
    texts.push(...log.lines);
    for (const text of texts) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  const remember = (...values: Array<string | undefined>) => {
    for (const value of values) if (value !== undefined) secrets.add(value);
  };
  /** Seeds a token in the emulator and writes it to the cache, expiring in `expiresInMs`. */
  const seed = async (
    expiresInMs: number,
    extra: Partial<SsoTokenFile> = {},
    options = {},
  ): Promise<SeededToken> => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() + expiresInMs), ...options });
    remember(seeded.accessToken, seeded.refreshToken, seeded.clientSecret);
    await new SsoTokenCache().writeToken(session.name, {
      ...emu.cachedToken(seeded),
      ...extra,
    } as SsoTokenFile);
    return seeded;
  };
  const provider = (init: Partial<FromSsoSessionInit> = {}) =>
    fromSsoSession({ session, profileName: "dev", logger: log.logger, ...init });
  const failure = async (promise: Promise<unknown>): Promise<TokenProviderError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenProviderError);
    texts.push((error as Error).message);
    return error as TokenProviderError;
  };
  const cached = () => new SsoTokenCache().readToken(session.name);

  it("returns a token outside the refresh window untouched, without loading or calling SSO-OIDC", async () => {
    const seeded = await seed(3_600_000);
    const before = readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8");
    await expect(provider()()).resolves.toEqual({
      token: seeded.accessToken,
      expiration: new Date(Math.floor(seeded.expiresAt.getTime() / 1000) * 1000),
    });
    expect(emu.stats().CreateToken).toBe(0);
    expect(readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8")).toBe(before);
  });

  it("refreshes inside the window, writes the rotated token back atomically (0600 in 0700) and keeps unknown fields", async () => {
    await seed(60_000, { custom: { kept: true } });
    const started = Date.now();
    const token = await provider()();
    remember(token.token);
    expect(emu.stats().CreateToken).toBe(1);
    const file = (await cached())!;
    remember(file.refreshToken);
    expect(file.accessToken).toBe(token.token);
    expect(file.expiresAt).toBe(token.expiration!.toISOString());
    // new expiry = time of the refresh + expiresIn (3600 s)
    expect(token.expiration!.getTime()).toBeGreaterThanOrEqual(started + 3_600_000);
    expect(token.expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(file.custom).toEqual({ kept: true });
    const path = new SsoTokenCache().tokenPath(session.name);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // The rotated refresh token was saved: a second refresh (a new process: another provider, no throttle) works.
    await new SsoTokenCache().writeToken(session.name, {
      ...file,
      expiresAt: new Date(Date.now() + 1000).toISOString(),
    });
    const { refreshState } = await import("./refreshState.js");
    refreshState.lastAttempt.delete(path);
    const again = await provider()();
    remember(again.token);
    expect(again.token).not.toBe(token.token);
    expect(emu.stats().CreateToken).toBe(2);
    expect(
      emu
        .requestLog()
        .filter((e) => e.operation === "CreateToken")
        .map((e) => e.status),
    ).toEqual([200, 200]);
  });

  it("creates the cache directory 0700 when it has to", async () => {
    const cache = new SsoTokenCache();
    await cache.writeToken("x", { accessToken: "a", expiresAt: new Date().toISOString() });
    expect(statSync(dirname(cache.tokenPath("x"))).mode & 0o777).toBe(0o700);
  });

  it("shares one refresh among concurrent callers of the process", async () => {
    await seed(60_000);
    const p = provider();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => p()));
    const other = await fromSsoSession({ session })();
    remember(other.token);
    expect(new Set([...tokens.map((t) => t.token), other.token]).size).toBe(1);
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("shares one refresh among 20 providers of the process on an expired token", async () => {
    await seed(-60_000);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => fromSsoSession({ session })()));
    tokens.forEach(({ token }) => remember(token));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("keeps the old refresh token when the reply has none", async () => {
    const seeded = await seed(60_000);
    emu.faults.add({
      operation: "CreateToken",
      times: 1,
      response: { body: { accessToken: "fresh-access-token-1", expiresIn: 900, tokenType: "Bearer" } },
    });
    remember("fresh-access-token-1");
    await expect(provider()()).resolves.toMatchObject({ token: "fresh-access-token-1" });
    expect((await cached())?.refreshToken).toBe(seeded.refreshToken);
  });

  it("waits for the cross-process lock and uses the token another holder wrote, without calling CreateToken", async () => {
    const seeded = await seed(60_000);
    const cache = new SsoTokenCache();
    let callerDone = false;
    const fresh = {
      ...(await cached())!,
      accessToken: "written-by-a-sibling",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    remember(fresh.accessToken, seeded.refreshToken);
    // The pending call is returned in an array: returning the promise itself would make the lock wait for it.
    const [call] = await cache.withLock(session.name, async () => {
      const pending = provider()().finally(() => (callerDone = true));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(callerDone).toBe(false);
      await cache.writeToken(session.name, fresh);
      return [pending];
    });
    await expect(call).resolves.toEqual({
      token: "written-by-a-sibling",
      expiration: new Date(fresh.expiresAt),
    });
    expect(emu.stats().CreateToken).toBe(0);
  });

  it("after InvalidGrantException re-reads the cache and retries once with a refresh token rotated elsewhere", async () => {
    const first = await seed(60_000);
    // Another tool (not taking our lock) rotates the refresh token while our CreateToken is in flight.
    const sibling = emu.seedToken({ clientId: first.clientId, expiresAt: new Date(Date.now() + 30_000) });
    remember(sibling.accessToken, sibling.refreshToken);
    emu.faults.add({
      operation: "CreateToken",
      times: 1,
      delayMs: 200,
      exception: "InvalidGrantException",
      message: "refresh token already used",
    });
    const pending = provider()();
    await waitFor(() => emu.stats().CreateToken === 1);
    await new SsoTokenCache().writeToken(session.name, {
      ...(await cached())!,
      accessToken: sibling.accessToken,
      refreshToken: sibling.refreshToken!,
    });
    const token = await pending;
    remember(token.token);
    expect(token.token).not.toBe(sibling.accessToken);
    expect(emu.stats().CreateToken).toBe(2);
    const file = (await cached())!;
    remember(file.refreshToken);
    expect(file.accessToken).toBe(token.token);
    expect(file.refreshToken).not.toBe(sibling.refreshToken);
  });

  it("after InvalidGrantException uses a fresh token that another tool wrote meanwhile", async () => {
    await seed(60_000);
    emu.faults.add({
      operation: "CreateToken",
      times: 1,
      delayMs: 200,
      exception: "InvalidGrantException",
      message: "refresh token already used",
    });
    const pending = provider()();
    await waitFor(() => emu.stats().CreateToken === 1);
    const fresh = {
      ...(await cached())!,
      accessToken: "fresh-from-elsewhere",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    remember(fresh.accessToken);
    await new SsoTokenCache().writeToken(session.name, fresh);
    await expect(pending).resolves.toMatchObject({ token: "fresh-from-elsewhere" });
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("names the cause when the refresh token is revoked and the token has expired, without secrets", async () => {
    await seed(-1000);
    emu.faults.add({
      operation: "CreateToken",
      exception: "InvalidGrantException",
      message: "refresh token revoked",
    });
    const error = await failure(provider()());
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("InvalidGrantException: refresh token revoked");
    expect(error.message).toContain("sso-kit login --profile dev");
    expect(error.message).toContain("aws sso login --profile dev");
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("throttles attempts to one per 30 s and repeats the last cause while the token stays expired", async () => {
    await seed(-1000);
    emu.faults.add({
      operation: "CreateToken",
      exception: "InvalidGrantException",
      message: "refresh token revoked",
    });
    const p = provider();
    await failure(p());
    const second = await failure(p());
    expect(second.message).toContain("InvalidGrantException: refresh token revoked");
    expect(emu.stats().CreateToken).toBe(1);
  });

  describe("a failed refresh of an expired token says which of three things happened", () => {
    /** The SSO-OIDC client's per-request timeout here (a client setting users make). */
    const requestHandler = { requestTimeout: 300, throwOnRequestTimeout: true };
    const tokenFile = () => readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8");

    it.each([
      ["HTTP 500 on all 3 attempts", { status: 500 }, /CreateToken answered HTTP 500 after 3 attempts/],
      ["HTTP 429", { status: 429 }, /CreateToken is throttling requests \(HTTP 429 after 3 attempts/],
      [
        "SlowDownException",
        { exception: "SlowDownException" },
        /CreateToken is throttling requests \(HTTP 400/,
      ],
      [
        "a reply cut off",
        { body: "truncated" as const },
        /CreateToken failed.*cut off before it was complete/,
      ],
      [
        "an unreadable reply",
        { body: "malformed" as const },
        /CreateToken answered HTTP 200 with a reply that cannot be read/,
      ],
      ["a reply slower than the client's timeout", { delayMs: 1_500 }, /CreateToken did not answer in time/],
      [
        "a connection reset",
        { reset: true },
        /CreateToken failed after 3 attempts: the connection was reset/,
      ],
    ])("%s: the service failed, try again; the token file is untouched", async (_name, fault, words) => {
      await seed(-1000);
      const before = tokenFile();
      emu.faults.add({ operation: "CreateToken", ...fault });
      const p = provider({ clientConfig: { requestHandler } });
      const error = await failure(p());
      expect(error.message).toMatch(words);
      expect(error.message).toContain("try again");
      expect(error.message).not.toMatch(/sso-kit login|sign in again/);
      expect(error).toMatchObject({ reason: "ServiceUnavailable", tryNextLink: false });
      expect(error).not.toHaveProperty("signInCommand");
      expect(tokenFile()).toBe(before);
      // While attempts are throttled, the same answer (not "sign in").
      await expect(failure(p())).resolves.toMatchObject({ reason: "ServiceUnavailable" });
      expect(tokenFile()).toBe(before);
    });

    it.each([
      [
        "an HTML page with HTTP 200",
        {
          response: {
            headers: { "content-type": "text/html" },
            body: "<html><p>Sign in to the proxy</p></html>",
          },
        },
        /answered HTTP 200 with an HTML page/,
      ],
      [
        "a redirect",
        {
          response: {
            status: 302,
            headers: {
              location: "https://proxy.example.com/login?session=abc123456",
              "content-type": "text/html",
            },
            body: "<html>moved</html>",
          },
        },
        /answered HTTP 302, a redirect to https:\/\/proxy\.example\.com\/login:/,
      ],
    ])(
      "%s: the endpoint is misconfigured, named by URL; the token file is untouched",
      async (_name, fault, words) => {
        await seed(-1000);
        const before = tokenFile();
        emu.faults.add({ operation: "CreateToken", ...fault });
        const error = await failure(provider()());
        expect(error.message).toMatch(words);
        expect(error.message).toContain(`CreateToken at ${emu.url}/`);
        expect(error.message).not.toContain("abc123456");
        expect(error).toMatchObject({ reason: "Misconfigured" });
        expect(error).not.toHaveProperty("signInCommand");
        expect(tokenFile()).toBe(before);
      },
    );

    it.each([
      ["InvalidGrantException (invalid_grant)", "InvalidGrantException", 400],
      ["InvalidClientException (registration expired or deleted)", "InvalidClientException", 401],
    ])("%s: the session ended, with the sign-in command", async (_name, exception, status) => {
      await seed(-1000);
      const before = tokenFile();
      emu.faults.add({ operation: "CreateToken", exception });
      const error = await failure(provider()());
      expect(error.message).toContain(`CreateToken rejected the request (HTTP ${status}, ${exception}`);
      expect(error).toMatchObject({ reason: "SessionEnded", signInCommand: "sso-kit login --profile dev" });
      expect(tokenFile()).toBe(before);
    });
  });

  it("refreshes an expired token in a read-only cache directory: the new token in memory, one warning, the file untouched", async () => {
    const seeded = await seed(-1000);
    const cache = new SsoTokenCache();
    const path = cache.tokenPath(session.name);
    const before = readFileSync(path, "utf8");
    const directory = readOnlyDirectory(dirname(path));
    if ("skip" in directory) {
      console.warn(`skipped: ${directory.skip}`);
      return;
    }
    try {
      const p = provider();
      const token = await p();
      remember(token.token);
      expect(token.token).not.toBe(seeded.accessToken);
      expect(token.expiration!.getTime()).toBeGreaterThan(Date.now());
      const warnings = log.lines.filter((line) => line.startsWith("warn"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /could not be saved .*(EROFS|EACCES).*without the cache lock \((EROFS|EACCES)/,
      );
      expect(readFileSync(path, "utf8")).toBe(before);
      // The next call uses the refreshed token (its rotated refresh token too), with no new refresh or warning.
      await expect(p()).resolves.toEqual(token);
      expect(emu.stats().CreateToken).toBe(1);
      expect(log.lines.filter((line) => line.startsWith("warn"))).toHaveLength(1);
    } finally {
      directory.release();
    }
  });

  it("returns the still-valid token when the refresh fails, and logs the cause", async () => {
    const seeded = await seed(120_000);
    emu.faults.add({ operation: "CreateToken", exception: "AccessDeniedException", message: "no access" });
    await expect(provider()()).resolves.toMatchObject({ token: seeded.accessToken });
    expect(
      log.lines.some((l) => l.startsWith("warn") && l.includes("AccessDeniedException: no access")),
    ).toBe(true);
  });

  it("does not refresh past registrationExpiresAt: the valid token is returned, an expired one names the reason", async () => {
    const seeded = await seed(120_000, {}, { registrationExpiresAt: new Date(Date.now() - 1000) });
    await expect(provider()()).resolves.toMatchObject({ token: seeded.accessToken });
    await seed(-1000, {}, { registrationExpiresAt: new Date(Date.now() - 1000) });
    const error = await failure(provider()());
    expect(error.message).toMatch(/client registration expired at .*sign in again/);
    expect(error.message).toContain("sso-kit login --profile dev");
    expect(error).toMatchObject({ signInCommand: "sso-kit login --profile dev", reason: "SessionEnded" });
    expect(emu.stats().CreateToken).toBe(0);
  });

  it.each([
    ["expiresIn -1", { accessToken: "reply-access-token", expiresIn: -1 }, "already expired"],
    [
      "no expiresIn",
      { accessToken: "reply-access-token" },
      "CreateToken answered HTTP 200 with a reply that cannot be used: no expiresIn",
    ],
    [
      "no accessToken",
      { expiresIn: 3600 },
      "CreateToken answered HTTP 200 with a reply that cannot be used: no accessToken",
    ],
    [
      "expiresIn 1e15",
      { accessToken: "reply-access-token", expiresIn: 1e15 },
      "an expiresIn of 1000000000000000 s",
    ],
    [
      "a 200 kB accessToken (under the 1 MiB reply cap, over the token limit)",
      { accessToken: "x".repeat(200_000), expiresIn: 3600 },
      "an accessToken of 200000 characters",
    ],
  ])("rejects a CreateToken reply with %s and leaves the cache file alone", async (_name, body, message) => {
    await seed(-1000);
    remember("reply-access-token");
    const before = readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8");
    emu.faults.add({ operation: "CreateToken", response: { body } });
    const error = await failure(provider()());
    expect(error.message).toContain(message);
    // An unusable reply is a service failure, not an ended session.
    expect(error).toMatchObject({ reason: "ServiceUnavailable" });
    expect(error).not.toHaveProperty("signInCommand");
    expect(readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8")).toBe(before);
    await expect(new SsoTokenCache().readToken(session.name)).resolves.toBeDefined();
  });

  it("says the user is signed out when the file disappears while waiting for the lock (even if the token was valid)", async () => {
    await seed(60_000);
    const cache = new SsoTokenCache();
    const [pending] = await cache.withLock(session.name, async () => {
      const call = failure(provider()());
      await new Promise((resolve) => setTimeout(resolve, 100));
      await cache.deleteToken(session.name);
      return [call];
    });
    const error = await pending;
    expect(error.message).toContain("signed out");
    expect(error).toMatchObject({ signInCommand: "sso-kit login --profile dev" });
    expect(emu.stats().CreateToken).toBe(0);
  });

  it("says how to sign in when there is no token file", async () => {
    const error = await failure(provider()());
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("not signed in");
    expect(error.message).toContain("sso-kit login --profile dev");
    expect(error).toMatchObject({ signInCommand: "sso-kit login --profile dev" });
  });

  it("names the session in messages when no profile is known", async () => {
    const error = await failure(fromSsoSession({ session })());
    expect(error.message).toContain("sso-kit login --sso-session corp");
  });

  it("uses clientConfig.endpoint over AWS_ENDPOINT_URL_SSO_OIDC, and the session's region", async () => {
    await seed(60_000);
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "http://127.0.0.1:9"; // nothing listens there
    const token = await provider({ clientConfig: { endpoint: emu.url, region: "eu-west-3" } })();
    remember(token.token);
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("passes the parent client's logger to the SSO-OIDC client, whose log lines hold no secrets", async () => {
    await seed(60_000);
    const parent = recordingLogger();
    const token = await provider({ parentClientConfig: { logger: parent.logger } })();
    remember(token.token, (await cached())?.refreshToken);
    expect(parent.lines.some((l) => l.includes("CreateTokenCommand"))).toBe(true);
    texts.push(...parent.lines);
  });

  it("reports a corrupt cache file and never overwrites it", async () => {
    const cache = new SsoTokenCache();
    await seed(60_000);
    const path = cache.tokenPath(session.name);
    const text = readFileSync(path, "utf8").slice(0, 40);
    rmSync(path);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path, text);
    const error = await failure(provider()());
    expect(error.message).toContain(path);
    expect(error.message).toContain("not valid JSON");
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(emu.stats().CreateToken).toBe(0);
  });
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
};
