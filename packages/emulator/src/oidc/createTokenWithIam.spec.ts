import {
  CreateTokenWithIAMCommand,
  InvalidGrantException,
  InvalidRequestException,
  UnsupportedGrantTypeException,
} from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

const APP = "arn:aws:sso::111111111111:application/ssoins-1/apl-1";
const JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyIn0.";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

describe("CreateTokenWithIAM", () => {
  it("exchanges a JWT assertion for tokens, then refreshes with rotation", async () => {
    const client = oidcClient(emu);
    const out = await client.send(
      new CreateTokenWithIAMCommand({
        clientId: APP,
        grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion: JWT,
      }),
    );
    expect(out).toMatchObject({
      tokenType: "Bearer",
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      idToken: expect.any(String),
      issuedTokenType: "urn:ietf:params:oauth:token-type:refresh_token",
      scope: ["sso:account:access"],
      awsAdditionalDetails: { identityContext: expect.stringContaining("identitystore") },
    });
    const refreshed = await client.send(
      new CreateTokenWithIAMCommand({
        clientId: APP,
        grantType: "refresh_token",
        refreshToken: out.refreshToken,
      }),
    );
    expect(refreshed.accessToken).not.toBe(out.accessToken);
    const reuse = await caught(
      client.send(
        new CreateTokenWithIAMCommand({
          clientId: APP,
          grantType: "refresh_token",
          refreshToken: out.refreshToken,
        }),
      ),
    );
    expect(reuse).toBeInstanceOf(InvalidGrantException);
  });

  it("does not redeem CreateToken refresh tokens", async () => {
    const seeded = emu.seedToken();
    const e = await caught(
      oidcClient(emu).send(
        new CreateTokenWithIAMCommand({
          clientId: seeded.clientId,
          grantType: "refresh_token",
          refreshToken: seeded.refreshToken,
        }),
      ),
    );
    expect(e).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a bad assertion, a missing one and an unsupported grant", async () => {
    const client = oidcClient(emu);
    const jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    expect(
      await caught(
        client.send(
          new CreateTokenWithIAMCommand({ clientId: APP, grantType: jwtBearer, assertion: "not a jwt" }),
        ),
      ),
    ).toBeInstanceOf(InvalidGrantException);
    expect(
      await caught(client.send(new CreateTokenWithIAMCommand({ clientId: APP, grantType: jwtBearer }))),
    ).toBeInstanceOf(InvalidRequestException);
    expect(
      await caught(
        client.send(new CreateTokenWithIAMCommand({ clientId: APP, grantType: "client_credentials" })),
      ),
    ).toBeInstanceOf(UnsupportedGrantTypeException);
  });
});
