/**
 * Sessions that heal: the portal answers GetRoleCredentials with UnauthorizedException for an access token the
 * cache still calls valid (revoked server-side through the emulator), and fromSSO refreshes it once with the
 * session's refresh token and retries once, instead of asking the user to sign in. In this process through
 * `fromSSO` and across processes with the BUILT package (`pnpm build` first).
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { join } from "node:path";
import { requireBuilt } from "../support/requireBuilt";
import { killAllChildren, startChild } from "../support/startChild";
import { useCredentialProvider } from "./support/useCredentialProvider";

const PROCESSES = 8;

jest.setTimeout(60_000);

describe("an access token the portal rejected before its expiry", () => {
  afterEach(killAllChildren);
  const env = useCredentialProvider();
  const inAnHour = () => ({ expiresAt: new Date(Date.now() + 3_600_000) });
  const signIns = () => {
    const stats = env.emu.stats();
    return stats.StartDeviceAuthorization + stats.Authorize;
  };

  test("sso-session: one CreateToken and one retried GetRoleCredentials, no sign-in; the new token is cached", async () => {
    const seeded = await env.signIn("dev", inAnHour());
    expect(env.emu.revokeAccessToken(seeded.accessToken)).toBe(true);
    const credentials = env.sdk.fromSSO({ profile: "dev" });
    const identity = await env.sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("111111111111");
    expect(env.emu.stats()).toMatchObject({ CreateToken: 1, GetRoleCredentials: 2 });
    expect(signIns()).toBe(0);
    const cached = await new SsoTokenCache().readToken("dev");
    expect(cached?.accessToken).not.toBe(seeded.accessToken);
    // The next provider of the process uses the healed token at once.
    await env.sdk.fromSSO({ profile: "dev" })();
    expect(env.emu.stats()).toMatchObject({ CreateToken: 1, GetRoleCredentials: 3 });
  });

  test("a token shortened server-side heals the same way", async () => {
    const seeded = await env.signIn("dev", inAnHour());
    expect(env.emu.expireAccessTokens({ accessToken: seeded.accessToken })).toBe(1);
    await expect(env.sdk.fromSSO({ profile: "dev" })()).resolves.toMatchObject({ accountId: "111111111111" });
    expect(env.emu.stats()).toMatchObject({ CreateToken: 1, GetRoleCredentials: 2 });
  });

  test("signed out server-side (refresh token revoked too): the sign-in error after one refresh attempt, no loop", async () => {
    const seeded = await env.signIn("dev", inAnHour());
    env.emu.revokeToken(seeded.accessToken);
    const provider = env.sdk.fromSSO({ profile: "dev" });
    for (const attempt of [1, 2]) {
      const error = await provider().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(env.sdk.SsoCredentialsProviderError);
      expect(error).toMatchObject({
        reason: "Unauthorized",
        signInCommand: "sso-kit login --profile dev",
        tryNextLink: false,
      });
      expect((error as Error).message).toContain("InvalidGrantException");
      expect((error as Error).message).toContain("sso-kit login --profile dev");
      expect((error as Error).message).not.toContain(seeded.accessToken);
      // Asked again at once: the portal is asked, the failed refresh is not repeated.
      expect(env.emu.stats()).toMatchObject({ CreateToken: 1, GetRoleCredentials: attempt });
    }
    // The token file is left as it was: it is for the user's sign-in to replace.
    expect((await new SsoTokenCache().readToken("dev"))?.accessToken).toBe(seeded.accessToken);
  });

  test("the refresh fails with a service error: try again, not sign in", async () => {
    const seeded = await env.signIn("dev", inAnHour());
    env.emu.revokeAccessToken(seeded.accessToken);
    env.emu.faults.add({ operation: "CreateToken", status: 503 });
    await expect(env.sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({
      reason: "ServiceUnavailable",
      signInCommand: undefined,
    });
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("a legacy profile cannot refresh: the sign-in error at once, no CreateToken", async () => {
    const seeded = await env.signIn(env.emu.startUrl, inAnHour());
    env.emu.revokeAccessToken(seeded.accessToken);
    await expect(env.sdk.fromSSO({ profile: "legacy" })()).rejects.toMatchObject({
      reason: "Unauthorized",
      signInCommand: "sso-kit login --profile legacy",
    });
    expect(env.emu.stats()).toMatchObject({ CreateToken: 0, GetRoleCredentials: 1 });
  });

  test(`${PROCESSES} processes on one revoked token: 1 CreateToken, all get credentials, no sign-in`, async () => {
    requireBuilt("credential-provider");
    const seeded = await env.signIn("dev", inAnHour());
    env.emu.revokeAccessToken(seeded.accessToken);
    const group = Array.from({ length: PROCESSES }, () =>
      startChild(join(__dirname, "children/roleCredentials.mjs"), {
        HOME: env.home.dir,
        ...env.emu.env,
        SSO_KIT_TEST_INIT: JSON.stringify({ profile: "dev" }),
      }),
    );
    await Promise.all(group.map((child) => child.next((line) => line === "ready")));
    for (const child of group) child.send("go");
    const outcomes = await Promise.all(
      group.map((child) => child.nextJson<{ accessKeyId?: string; error?: string }>()),
    );
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    const stats = env.emu.stats();
    expect(stats.CreateToken).toBe(1);
    // Each process: one call, and one more if it had read the token before it was healed.
    expect(stats.GetRoleCredentials).toBeGreaterThanOrEqual(PROCESSES);
    expect(stats.GetRoleCredentials).toBeLessThanOrEqual(2 * PROCESSES);
    expect(signIns()).toBe(0);
  });
});
