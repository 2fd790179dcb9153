import { GetRoleCredentialsCommand, ListAccountsCommand, UnauthorizedException } from "@aws-sdk/client-sso";
import { CreateTokenCommand } from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient, ssoClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import type { SeededToken } from "../seeding/SeedTypes.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const credentialsFor = (accessToken: string) =>
  ssoClient(emu).send(
    new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
  );

const refresh = (seeded: SeededToken) =>
  oidcClient(emu).send(
    new CreateTokenCommand({
      clientId: seeded.clientId,
      clientSecret: seeded.clientSecret,
      grantType: "refresh_token",
      refreshToken: seeded.refreshToken,
    }),
  );

const expectUnauthorized = async (promise: Promise<unknown>) => {
  const e = await caught(promise);
  expect(e).toBeInstanceOf(UnauthorizedException);
  expect(e).toMatchObject({ $metadata: { httpStatusCode: 401 } });
};

const adminPost = (name: string, body: unknown) =>
  fetch(`${emu.url}/__emulator/${name}`, { method: "POST", body: JSON.stringify(body) });

describe("revoking and shortening access tokens on the server side", () => {
  it("revokeAccessToken ends the access token but its refresh token still gets a new one", async () => {
    const seeded = emu.seedToken();
    await credentialsFor(seeded.accessToken);
    expect(emu.revokeAccessToken(seeded.accessToken)).toBe(true);
    await expectUnauthorized(credentialsFor(seeded.accessToken));
    await expectUnauthorized(
      ssoClient(emu).send(new ListAccountsCommand({ accessToken: seeded.accessToken })),
    );
    const renewed = await refresh(seeded);
    const out = await credentialsFor(renewed.accessToken ?? "");
    expect(out.roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    expect(emu.revokeAccessToken("emu-at-never-issued")).toBe(false);
  });

  it("expireAccessTokens expires every live token at once, and leaves refresh tokens alone", async () => {
    const first = emu.seedToken();
    const second = emu.seedToken();
    expect(emu.expireAccessTokens()).toBeGreaterThanOrEqual(2);
    await expectUnauthorized(credentialsFor(first.accessToken));
    await expectUnauthorized(credentialsFor(second.accessToken));
    const renewed = await refresh(second);
    await credentialsFor(renewed.accessToken ?? "");
  });

  it("expireAccessTokens shortens one token to a later point of the emulator clock", async () => {
    const target = emu.seedToken();
    const other = emu.seedToken();
    expect(emu.expireAccessTokens({ accessToken: target.accessToken, inSeconds: 60 })).toBe(1);
    await credentialsFor(target.accessToken);
    emu.clock.advance(60_000);
    await expectUnauthorized(credentialsFor(target.accessToken));
    await credentialsFor(other.accessToken);
    expect(() => emu.expireAccessTokens({ inSeconds: -1 })).toThrow(/inSeconds/);
  });

  it("offers both controls as admin endpoints for child processes", async () => {
    const seeded = emu.seedToken();
    const revoked = await adminPost("revoke-access-token", { accessToken: seeded.accessToken });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: true });
    await expectUnauthorized(credentialsFor(seeded.accessToken));
    await refresh(seeded);

    expect((await adminPost("revoke-access-token", { accessToken: "emu-at-unknown" })).status).toBe(404);
    expect((await adminPost("revoke-access-token", {})).status).toBe(400);
    expect(
      (await fetch(`${emu.url}/__emulator/revoke-access-token`, { method: "POST", body: "{" })).status,
    ).toBe(400);
    expect((await fetch(`${emu.url}/__emulator/revoke-access-token`)).status).toBe(405);

    const live = emu.seedToken();
    const expired = await adminPost("expire-access-tokens", { accessToken: live.accessToken });
    expect(await expired.json()).toEqual({ expired: 1 });
    await expectUnauthorized(credentialsFor(live.accessToken));
    expect((await adminPost("expire-access-tokens", { inSeconds: "soon" })).status).toBe(400);
  });
});
