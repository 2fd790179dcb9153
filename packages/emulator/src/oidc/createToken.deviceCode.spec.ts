import {
  AccessDeniedException,
  AuthorizationPendingException,
  ExpiredTokenException,
  InvalidGrantException,
  InvalidRequestException,
  SlowDownException,
} from "@aws-sdk/client-sso-oidc";
import { caught } from "../../../../test/support/emulator/caught.js";
import {
  answerDevice,
  pollDevice,
  registerDeviceClient,
  startDevice,
} from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    deviceCodeTtlSeconds: 600,
    deviceCodeIntervalSeconds: 5,
    accessTokenTtlSeconds: 900,
  });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

describe("CreateToken with the device code grant", () => {
  it("is pending until approved, slows down fast pollers, then issues the tokens once", async () => {
    const { client, device } = await startDevice(emu);
    const pending = await caught(pollDevice(emu, client, device.deviceCode));
    expect(pending).toBeInstanceOf(AuthorizationPendingException);
    expect(pending).toMatchObject({
      error: "authorization_pending",
      error_description: expect.any(String),
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });

    const tooFast = await caught(pollDevice(emu, client, device.deviceCode));
    expect(tooFast).toBeInstanceOf(SlowDownException);
    expect(tooFast).toMatchObject({ error: "slow_down", $metadata: { httpStatusCode: 400 } });

    emu.clock.advance(5_000);
    expect(await caught(pollDevice(emu, client, device.deviceCode))).toBeInstanceOf(
      AuthorizationPendingException,
    );

    const answer = await answerDevice(emu, device.verificationUriComplete ?? "", "allow");
    expect(answer.status).toBe(200);
    const tokens = await pollDevice(emu, client, device.deviceCode);
    expect(tokens).toMatchObject({ tokenType: "Bearer", expiresIn: 900, accessToken: expect.any(String) });
    expect(tokens.refreshToken).toEqual(expect.any(String));

    const again = await caught(pollDevice(emu, client, device.deviceCode));
    expect(again).toBeInstanceOf(InvalidGrantException);
    expect(again).toMatchObject({ error: "invalid_grant" });
  });

  it("ends with AccessDeniedException when the user denies", async () => {
    const { client, device } = await startDevice(emu);
    await answerDevice(emu, device.verificationUriComplete ?? "", "deny");
    const e = await caught(pollDevice(emu, client, device.deviceCode));
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e).toMatchObject({ error: "access_denied", $metadata: { httpStatusCode: 400 } });
  });

  it("ends with ExpiredTokenException once the device code expired", async () => {
    const { client, device } = await startDevice(emu);
    emu.clock.advance(600_000);
    const e = await caught(pollDevice(emu, client, device.deviceCode));
    expect(e).toBeInstanceOf(ExpiredTokenException);
    expect(e).toMatchObject({ error: "expired_token" });
  });

  it("rejects an unknown device code and another client's device code with InvalidGrantException", async () => {
    const { client, device } = await startDevice(emu);
    expect(await caught(pollDevice(emu, client, "emu-device-unknown"))).toBeInstanceOf(InvalidGrantException);
    const other = await registerDeviceClient(emu);
    expect(await caught(pollDevice(emu, other, device.deviceCode))).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a missing device code with InvalidRequestException", async () => {
    const client = await registerDeviceClient(emu);
    const e = await caught(pollDevice(emu, client, undefined));
    expect(e).toBeInstanceOf(InvalidRequestException);
    expect(e).toMatchObject({ error: "invalid_request", $metadata: { httpStatusCode: 400 } });
  });
});

describe("autoApprove", () => {
  it("approves device codes at once", async () => {
    const auto = await startEmulator({ autoApprove: true });
    try {
      const { client, device } = await startDevice(auto);
      const tokens = await pollDevice(auto, client, device.deviceCode);
      expect(tokens.accessToken).toEqual(expect.any(String));
    } finally {
      await auto.stop();
    }
  });
});
