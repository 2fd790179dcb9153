import {
  InvalidClientMetadataException,
  InvalidRedirectUriException,
  InvalidRequestException,
  InvalidScopeException,
  RegisterClientCommand,
  UnsupportedGrantTypeException,
} from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ clientRegistrationTtlSeconds: 1000 });
});
afterAll(() => emu.stop());

describe("RegisterClient", () => {
  it("registers a device-flow client with epoch-second timestamps", async () => {
    const before = Math.floor(Date.now() / 1000);
    const out = await oidcClient(emu).send(
      new RegisterClientCommand({
        clientName: "botocore-client-x",
        clientType: "public",
        scopes: ["sso:account:access"],
      }),
    );
    expect(out.clientId).toMatch(/^emu-client-/);
    expect(out.clientSecret).toEqual(expect.any(String));
    expect(out.clientIdIssuedAt).toBeGreaterThanOrEqual(before);
    expect(out.clientIdIssuedAt).toBeLessThan(before + 5);
    expect((out.clientSecretExpiresAt ?? 0) - (out.clientIdIssuedAt ?? 0)).toBe(1000);
    expect(out.authorizationEndpoint).toBeUndefined();
  });

  it("registers a PKCE client and advertises its endpoints", async () => {
    const out = await oidcClient(emu).send(
      new RegisterClientCommand({
        clientName: "pkce",
        clientType: "public",
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: ["http://127.0.0.1/oauth/callback"],
        issuerUrl: emu.startUrl,
      }),
    );
    expect(out.authorizationEndpoint).toBe(`${emu.url}/authorize`);
    expect(out.tokenEndpoint).toBe(`${emu.url}/token`);
  });

  it.each([
    ["a missing clientName", { clientType: "public" }, InvalidRequestException, "invalid_request"],
    [
      "a confidential client",
      { clientName: "x", clientType: "confidential" },
      InvalidClientMetadataException,
      "invalid_client_metadata",
    ],
    [
      "an unknown grant type",
      { clientName: "x", clientType: "public", grantTypes: ["password"] },
      UnsupportedGrantTypeException,
      "unsupported_grant_type",
    ],
    [
      "an invalid scope",
      { clientName: "x", clientType: "public", scopes: ["bad scope!"] },
      InvalidScopeException,
      "invalid_scope",
    ],
    [
      "a non-loopback redirect URI",
      {
        clientName: "x",
        clientType: "public",
        grantTypes: ["authorization_code"],
        redirectUris: ["https://evil.example/cb"],
      },
      InvalidRedirectUriException,
      "invalid_redirect_uri",
    ],
    [
      "the code grant without redirect URIs",
      { clientName: "x", clientType: "public", grantTypes: ["authorization_code"] },
      InvalidRedirectUriException,
      "invalid_redirect_uri",
    ],
  ])("rejects %s", async (_what, input, exception, error) => {
    const e = await caught(oidcClient(emu).send(new RegisterClientCommand(input as never)));
    expect(e).toBeInstanceOf(exception);
    expect(e).toMatchObject({ error, $metadata: { httpStatusCode: 400 } });
    expect(e.error_description).toEqual(expect.any(String));
  });
});
