import {
  CreateTokenCommand,
  ExpiredTokenException,
  InvalidGrantException,
  InvalidRequestException,
  UnauthorizedClientException,
} from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import {
  authorizeUrl,
  authorizeWithPkce,
  registerDeviceClient,
  registerPkceClient,
} from "../../../../test/support/emulator/flows.js";
import { pkcePair } from "../../../../test/support/emulator/pkce.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ deviceCodeTtlSeconds: 120 });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const redeem = (
  client: { clientId: string; clientSecret: string },
  input: { code: string; redirectUri: string; codeVerifier?: string },
) => oidcClient(emu).send(new CreateTokenCommand({ ...client, grantType: "authorization_code", ...input }));

describe("CreateToken with the authorization code grant (PKCE)", () => {
  it("issues tokens for the code, the right verifier and the same redirect URI, once", async () => {
    const client = await registerPkceClient(emu);
    const { code, state, verifier, redirectUri } = await authorizeWithPkce(emu, client);
    expect(state).toBe("st-1");
    const tokens = await redeem(client, { code, redirectUri, codeVerifier: verifier });
    expect(tokens).toMatchObject({
      tokenType: "Bearer",
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    const reuse = await caught(redeem(client, { code, redirectUri, codeVerifier: verifier }));
    expect(reuse).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a verifier that does not match the challenge", async () => {
    const client = await registerPkceClient(emu);
    const { code, redirectUri } = await authorizeWithPkce(emu, client);
    const e = await caught(redeem(client, { code, redirectUri, codeVerifier: pkcePair().verifier }));
    expect(e).toBeInstanceOf(InvalidGrantException);
    expect(e).toMatchObject({ error: "invalid_grant", $metadata: { httpStatusCode: 400 } });
  });

  it("rejects a redirect URI that differs from the one given at /authorize", async () => {
    const client = await registerPkceClient(emu);
    const { code, verifier } = await authorizeWithPkce(emu, client);
    const e = await caught(
      redeem(client, { code, redirectUri: "http://127.0.0.1:1/oauth/callback", codeVerifier: verifier }),
    );
    expect(e).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a missing verifier with InvalidRequestException", async () => {
    const client = await registerPkceClient(emu);
    const { code, redirectUri } = await authorizeWithPkce(emu, client);
    expect(await caught(redeem(client, { code, redirectUri }))).toBeInstanceOf(InvalidRequestException);
  });

  it("rejects an expired code with ExpiredTokenException", async () => {
    const client = await registerPkceClient(emu);
    const { code, verifier, redirectUri } = await authorizeWithPkce(emu, client);
    emu.clock.advance(121_000);
    expect(await caught(redeem(client, { code, redirectUri, codeVerifier: verifier }))).toBeInstanceOf(
      ExpiredTokenException,
    );
  });

  it("rejects another client's code and a client not registered for the grant", async () => {
    const client = await registerPkceClient(emu);
    const other = await registerPkceClient(emu);
    const { code, verifier, redirectUri } = await authorizeWithPkce(emu, client);
    expect(await caught(redeem(other, { code, redirectUri, codeVerifier: verifier }))).toBeInstanceOf(
      InvalidGrantException,
    );
    const deviceOnly = await registerDeviceClient(emu);
    expect(
      await caught(redeem(deviceOnly, { code: "x", redirectUri, codeVerifier: verifier })),
    ).toBeInstanceOf(UnauthorizedClientException);
  });

  it("with autoApprove, /authorize redirects at once with a code that works", async () => {
    const auto = await startEmulator({ autoApprove: true });
    try {
      const client = await registerPkceClient(auto);
      const { verifier, challenge } = pkcePair();
      const redirectUri = "http://127.0.0.1:40000/oauth/callback";
      const res = await fetch(
        authorizeUrl(auto, { clientId: client.clientId, redirectUri, state: "s", challenge }),
        {
          redirect: "manual",
        },
      );
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get("location") ?? "");
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get("state")).toBe("s");
      const tokens = await oidcClient(auto).send(
        new CreateTokenCommand({
          ...client,
          grantType: "authorization_code",
          code: location.searchParams.get("code") ?? "",
          redirectUri,
          codeVerifier: verifier,
        }),
      );
      expect(tokens.accessToken).toEqual(expect.any(String));
    } finally {
      await auto.stop();
    }
  });
});
