import { startEmulator, type Emulator, type SeededToken } from "@sso-kit/emulator";
import { TokenProviderError } from "@smithy/property-provider";
import { readFileSync } from "node:fs";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { SsoTokenCache } from "../cache/SsoTokenCache.js";
import type { SsoTokenFile } from "../cache/SsoTokenFile.js";
import { fromSsoSession } from "./fromSsoSession.js";

/**
 * `{ forceRefresh: true, rejectedToken }`: the service rejected an access token whose cached expiry is hours
 * away (revoked or shortened server-side), and the caller asks for a new one.
 */
describe("fromSsoSession after the service rejected a token before its expiry", () => {
  useTempHome({ prefix: "sso-kit-force-refresh-" });
  let emu: Emulator;
  const session = { name: "corp", startUrl: "https://d-0000000000.awsapps.com/start", region: "us-east-1" };
  let secrets: string[];
  let texts: string[];
  let log: ReturnType<typeof recordingLogger>;

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    emu.reset();
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = emu.url;
    secrets = [];
    texts = [];
    log = recordingLogger();
  });
  afterEach(() => {
    for (const text of [...texts, ...log.lines]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  /** A token valid for another hour, in the emulator and the cache, that the portal no longer accepts. */
  const revoked = async (extra: Partial<SsoTokenFile> = {}): Promise<SeededToken> => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() + 3_600_000) });
    secrets.push(seeded.accessToken, seeded.refreshToken ?? "", seeded.clientSecret);
    await new SsoTokenCache().writeToken(session.name, {
      ...emu.cachedToken(seeded),
      ...extra,
    } as SsoTokenFile);
    emu.revokeAccessToken(seeded.accessToken);
    return seeded;
  };
  const provider = () => fromSsoSession({ session, profileName: "dev", logger: log.logger });
  const forced = (rejectedToken?: string) => ({
    forceRefresh: true,
    ...(rejectedToken !== undefined && { rejectedToken }),
  });
  const tokenFile = () => readFileSync(new SsoTokenCache().tokenPath(session.name), "utf8");
  const failure = async (promise: Promise<unknown>): Promise<TokenProviderError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenProviderError);
    texts.push((error as Error).message);
    return error as TokenProviderError;
  };

  it("refreshes the rejected token once and writes the new one back, though its expiry is an hour away", async () => {
    const seeded = await revoked();
    const p = provider();
    // Without the flag the cached token is handed out as before: nothing says it was rejected.
    await expect(p()).resolves.toMatchObject({ token: seeded.accessToken });
    const [first, second] = await Promise.all([p(forced(seeded.accessToken)), p(forced(seeded.accessToken))]);
    secrets.push(first!.token);
    expect(first!.token).not.toBe(seeded.accessToken);
    expect(second).toEqual(first);
    expect(emu.stats().CreateToken).toBe(1);
    const file = (await new SsoTokenCache().readToken(session.name))!;
    expect(file.accessToken).toBe(first!.token);
    secrets.push(file.refreshToken ?? "");
    // The new token is handed out without another refresh, also to a caller that still names the old one.
    await expect(p()).resolves.toEqual(first);
    await expect(provider()(forced(seeded.accessToken))).resolves.toEqual(first);
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("uses the token another process already wrote in place of the rejected one, without CreateToken", async () => {
    const seeded = await revoked();
    const replacement = emu.seedToken({ expiresAt: new Date(Date.now() + 3_600_000) });
    secrets.push(replacement.accessToken);
    await new SsoTokenCache().writeToken(session.name, emu.cachedToken(replacement));
    await expect(provider()(forced(seeded.accessToken))).resolves.toMatchObject({
      token: replacement.accessToken,
    });
    expect(emu.stats().CreateToken).toBe(0);
  });

  it("without rejectedToken, takes the cached token as the rejected one", async () => {
    const seeded = await revoked();
    const token = await provider()(forced());
    secrets.push(token.token);
    expect(token.token).not.toBe(seeded.accessToken);
    expect(emu.stats().CreateToken).toBe(1);
  });

  it("a rejected refresh token: the session ended (sign in), one attempt, the token file left as it is", async () => {
    await revoked();
    emu.faults.add({ operation: "CreateToken", exception: "InvalidGrantException", message: "revoked" });
    const before = tokenFile();
    const p = provider();
    const error = await failure(p(forced()));
    expect(error).toMatchObject({
      reason: "SessionEnded",
      signInCommand: "sso-kit login --profile dev",
      tryNextLink: false,
    });
    expect(error.message).toMatch(/was rejected by the service before its expiry .* could not be refreshed/);
    expect(error.message).toContain("InvalidGrantException");
    // Asked again at once: the same answer, no second attempt.
    await expect(failure(p(forced()))).resolves.toMatchObject({ reason: "SessionEnded" });
    expect(emu.stats().CreateToken).toBe(1);
    expect(tokenFile()).toBe(before);
  });

  it("a failing service: try again, never the rejected token, the token file left as it is", async () => {
    await revoked();
    emu.faults.add({ operation: "CreateToken", status: 500 });
    const before = tokenFile();
    const error = await failure(provider()(forced()));
    expect(error).toMatchObject({ reason: "ServiceUnavailable" });
    expect(error).not.toHaveProperty("signInCommand");
    expect(error.message).toContain("try again");
    expect(tokenFile()).toBe(before);
  });

  it("a token without a refresh token cannot heal: sign in, no CreateToken", async () => {
    await revoked({ refreshToken: undefined });
    const error = await failure(provider()(forced()));
    expect(error).toMatchObject({ reason: "SessionEnded", signInCommand: "sso-kit login --profile dev" });
    expect(error.message).toContain("no refreshToken");
    expect(emu.stats().CreateToken).toBe(0);
  });
});
