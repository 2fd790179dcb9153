import {
  InvalidClientException,
  InvalidRequestException,
  StartDeviceAuthorizationCommand,
  UnauthorizedClientException,
} from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import { registerDeviceClient, registerPkceClient } from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ deviceCodeTtlSeconds: 300, deviceCodeIntervalSeconds: 2 });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

describe("StartDeviceAuthorization", () => {
  it("returns a device code, a user code and the verification URIs", async () => {
    const client = await registerDeviceClient(emu);
    const out = await oidcClient(emu).send(
      new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl }),
    );
    expect(out.userCode).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(out.deviceCode).toEqual(expect.any(String));
    expect(out.verificationUri).toBe(`${emu.url}/device`);
    expect(out.verificationUriComplete).toBe(`${emu.url}/device?user_code=${out.userCode}`);
    expect(out).toMatchObject({ expiresIn: 300, interval: 2 });
  });

  it("rejects a wrong client secret with InvalidClientException (401)", async () => {
    const client = await registerDeviceClient(emu);
    const e = await caught(
      oidcClient(emu).send(
        new StartDeviceAuthorizationCommand({
          clientId: client.clientId,
          clientSecret: "wrong",
          startUrl: emu.startUrl,
        }),
      ),
    );
    expect(e).toBeInstanceOf(InvalidClientException);
    expect(e).toMatchObject({ error: "invalid_client", $metadata: { httpStatusCode: 401 } });
    expect(JSON.stringify(e)).not.toContain(client.clientSecret);
  });

  it("rejects an expired client registration with InvalidClientException", async () => {
    const client = emu.seedClient({ expiresAt: new Date(Date.now() + 60_000) });
    emu.clock.advance(61_000);
    const e = await caught(
      oidcClient(emu).send(new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl })),
    );
    expect(e).toBeInstanceOf(InvalidClientException);
  });

  it("rejects a client registered only for the PKCE flow with UnauthorizedClientException", async () => {
    const client = await registerPkceClient(emu);
    const e = await caught(
      oidcClient(emu).send(new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl })),
    );
    expect(e).toBeInstanceOf(UnauthorizedClientException);
    expect(e).toMatchObject({ error: "unauthorized_client" });
  });

  it("rejects a start URL that is not https with InvalidRequestException", async () => {
    const client = await registerDeviceClient(emu);
    const e = await caught(
      oidcClient(emu).send(
        new StartDeviceAuthorizationCommand({ ...client, startUrl: "http://insecure.example/start" }),
      ),
    );
    expect(e).toBeInstanceOf(InvalidRequestException);
  });
});
