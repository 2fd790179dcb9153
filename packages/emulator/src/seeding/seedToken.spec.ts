import {
  CreateTokenCommand,
  InvalidClientException,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";
import { GetRoleCredentialsCommand, UnauthorizedException } from "@aws-sdk/client-sso";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient, ssoClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ region: "eu-central-1", startUrl: "https://d-9999999999.awsapps.com/start" });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

describe("seeding", () => {
  it("seedClient registers a client the OIDC service accepts", async () => {
    const client = emu.seedClient({
      clientId: "my-client",
      clientSecret: "my-secret",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(client).toEqual({
      clientId: "my-client",
      clientSecret: "my-secret",
      clientIdIssuedAt: expect.any(Number),
      clientSecretExpiresAt: Math.floor((Date.now() + 3_600_000) / 1000),
    });
    const out = await oidcClient(emu).send(
      new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl }),
    );
    expect(out.deviceCode).toEqual(expect.any(String));
  });

  it("seedClient's expiry is enforced", async () => {
    const client = emu.seedClient({ expiresAt: new Date(Date.now() - 1000) });
    expect(
      await caught(
        oidcClient(emu).send(new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl })),
      ),
    ).toBeInstanceOf(InvalidClientException);
  });

  it("seedToken with explicit values, and without a refresh token", async () => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 600_000);
    const seeded = emu.seedToken({
      accessToken: "at-1",
      refreshToken: false,
      expiresAt,
      clientId: "c-1",
      clientSecret: "s-1",
    });
    expect(seeded).toEqual({
      accessToken: "at-1",
      expiresAt,
      clientId: "c-1",
      clientSecret: "s-1",
      registrationExpiresAt: expect.any(Date),
    });
    await expect(
      ssoClient(emu).send(
        new GetRoleCredentialsCommand({
          accessToken: "at-1",
          accountId: "111111111111",
          roleName: "ReadOnly",
        }),
      ),
    ).resolves.toHaveProperty("roleCredentials");
  });

  it("seedToken reuses a known client", async () => {
    const first = emu.seedToken();
    const second = emu.seedToken({ clientId: first.clientId });
    expect(second.clientSecret).toBe(first.clientSecret);
    expect(second.accessToken).not.toBe(first.accessToken);
    const out = await oidcClient(emu).send(
      new CreateTokenCommand({
        clientId: second.clientId,
        clientSecret: second.clientSecret,
        grantType: "refresh_token",
        refreshToken: second.refreshToken,
      }),
    );
    expect(out.accessToken).toEqual(expect.any(String));
  });

  it("an already expired seeded token is unauthorized", async () => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() - 1) });
    const e = await caught(
      ssoClient(emu).send(
        new GetRoleCredentialsCommand({
          accessToken: seeded.accessToken,
          accountId: "111111111111",
          roleName: "ReadOnly",
        }),
      ),
    );
    expect(e).toBeInstanceOf(UnauthorizedException);
  });

  it("cachedToken gives the AWS CLI's cache file with whole-second UTC times", () => {
    const seeded = emu.seedToken({
      accessToken: "a",
      refreshToken: "r",
      expiresAt: new Date("2030-01-02T03:04:05.678Z"),
      registrationExpiresAt: new Date("2030-02-01T00:00:00.000Z"),
    });
    expect(emu.cachedToken(seeded)).toEqual({
      startUrl: "https://d-9999999999.awsapps.com/start",
      region: "eu-central-1",
      accessToken: "a",
      expiresAt: "2030-01-02T03:04:05Z",
      clientId: seeded.clientId,
      clientSecret: seeded.clientSecret,
      registrationExpiresAt: "2030-02-01T00:00:00Z",
      refreshToken: "r",
    });
    const noRefresh = emu.seedToken({ refreshToken: false });
    const file = emu.cachedToken(noRefresh, {
      startUrl: "https://other.awsapps.com/start",
      region: "us-west-2",
    });
    expect(file).toMatchObject({ startUrl: "https://other.awsapps.com/start", region: "us-west-2" });
    expect(file).not.toHaveProperty("refreshToken");
  });

  it("rejects invalid seed options with a TypeError", () => {
    expect(() => emu.seedToken({ expiresAt: new Date("nope") })).toThrow(TypeError);
    expect(() => emu.seedClient({ scopes: "x" as never })).toThrow(TypeError);
    expect(() => emu.seedToken({ accessToken: "" })).toThrow(TypeError);
  });
});
