import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import {
  authorizeWithPkce,
  pollDevice,
  registerPkceClient,
  signInWithDevice,
  startDevice,
} from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import { OPERATION_NAMES } from "../OperationName.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

describe("admin endpoints and observability", () => {
  it("GET /__emulator/stats counts every operation, 0 when unused", async () => {
    await signInWithDevice(emu);
    const res = await fetch(`${emu.url}/__emulator/stats`);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Record<string, number>;
    expect(Object.keys(stats).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(stats).toMatchObject({
      RegisterClient: 1,
      StartDeviceAuthorization: 1,
      CreateToken: 1,
      DeviceVerification: 2,
      Logout: 0,
    });
    expect(emu.stats()).toEqual(stats);
  });

  it("the request log over HTTP and from the API holds no token, secret, code or verifier", async () => {
    const { client, tokens } = await signInWithDevice(emu);
    const credentials = await ssoClient(emu).send(
      new GetRoleCredentialsCommand({
        accessToken: tokens.accessToken,
        accountId: "111111111111",
        roleName: "ReadOnly",
      }),
    );
    const pkceClient = await registerPkceClient(emu);
    const pkce = await authorizeWithPkce(emu, pkceClient);
    const { device } = await startDevice(emu);
    await fetch(device.verificationUriComplete ?? "");
    await pollDevice(emu, client, "emu-device-secret-value").catch(() => undefined);
    const res = await fetch(`${emu.url}/__emulator/requests`);
    const logged = JSON.stringify(await res.json());
    const secrets = [
      tokens.accessToken,
      tokens.refreshToken,
      client.clientSecret,
      pkceClient.clientSecret,
      credentials.roleCredentials?.secretAccessKey,
      credentials.roleCredentials?.sessionToken,
      pkce.code,
      pkce.verifier,
      device.deviceCode,
      device.userCode,
      "st-1",
    ];
    for (const secret of secrets) expect(logged).not.toContain(secret ?? "missing");
    expect(JSON.stringify(emu.requestLog())).toBe(logged);
    expect(emu.requestLog()).toContainEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      operation: "GetRoleCredentials",
      method: "GET",
      path: "/federation/credentials?account_id=111111111111&role_name=ReadOnly",
      status: 200,
    });
    expect(emu.requestLog()).toContainEqual(
      expect.objectContaining({ operation: "CreateToken", status: 400, errorType: "InvalidGrantException" }),
    );
    expect(emu.requestLog()).toContainEqual(
      expect.objectContaining({ operation: "DeviceVerification", path: "/device?user_code=REDACTED" }),
    );
  });

  it("POST /__emulator/reset clears counters, log and faults but keeps tokens", async () => {
    const seeded = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", status: 500 });
    await fetch(`${emu.url}/assignment/accounts`, {
      headers: { "x-amz-sso_bearer_token": seeded.accessToken },
    });
    const res = await fetch(`${emu.url}/__emulator/reset`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(Object.values(emu.stats()).every((count) => count === 0)).toBe(true);
    expect(emu.requestLog()).toEqual([]);
    expect(emu.faults.list()).toEqual([]);
    const after = await fetch(`${emu.url}/assignment/accounts`, {
      headers: { "x-amz-sso_bearer_token": seeded.accessToken },
    });
    expect(after.status).toBe(200);
  });

  it("answers unknown admin paths with 404 and wrong methods with 405, outside the stats", async () => {
    expect((await fetch(`${emu.url}/__emulator/nope`)).status).toBe(404);
    expect((await fetch(`${emu.url}/__emulator/reset`)).status).toBe(405);
    expect((await fetch(`${emu.url}/__emulator/stats`, { method: "POST" })).status).toBe(405);
    expect(emu.requestLog()).toEqual([]);
  });
});
