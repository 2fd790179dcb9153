import {
  GetRoleCredentialsCommand,
  InvalidRequestException,
  ResourceNotFoundException,
  UnauthorizedException,
} from "@aws-sdk/client-sso";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import { signInWithDevice } from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtlSeconds: 900 });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const getCredentials = (accessToken: string, accountId = "111111111111", roleName = "ReadOnly") =>
  ssoClient(emu).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));

describe("GetRoleCredentials", () => {
  it("issues credentials with the expiration in epoch milliseconds", async () => {
    const { tokens } = await signInWithDevice(emu);
    const before = Date.now();
    const out = await getCredentials(tokens.accessToken ?? "");
    const credentials = out.roleCredentials ?? {};
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toHaveLength(40);
    expect(credentials.sessionToken).toEqual(expect.any(String));
    expect(credentials.expiration).toBeGreaterThanOrEqual(before + 900_000);
    expect(credentials.expiration).toBeLessThan(before + 905_000);
    expect(emu.issuedCredentials()).toContainEqual({
      accessKeyId: credentials.accessKeyId,
      accountId: "111111111111",
      roleName: "ReadOnly",
      expiration: new Date(credentials.expiration ?? 0),
    });
    expect(JSON.stringify(emu.issuedCredentials())).not.toContain(credentials.secretAccessKey);
  });

  it("accepts a seeded token until it expires on the emulator clock", async () => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() + 60_000) });
    await expect(getCredentials(seeded.accessToken)).resolves.toHaveProperty("roleCredentials");
    emu.clock.advance(60_000);
    const e = await caught(getCredentials(seeded.accessToken));
    expect(e).toBeInstanceOf(UnauthorizedException);
    expect(e).toMatchObject({
      message: "Session token not found or invalid",
      $metadata: { httpStatusCode: 401 },
    });
  });

  it("rejects unknown and revoked tokens with UnauthorizedException", async () => {
    expect(await caught(getCredentials("emu-at-unknown"))).toBeInstanceOf(UnauthorizedException);
    const seeded = emu.seedToken();
    emu.revokeToken(seeded.accessToken);
    expect(await caught(getCredentials(seeded.accessToken))).toBeInstanceOf(UnauthorizedException);
  });

  it("rejects a role or account outside the directory with ResourceNotFoundException (404)", async () => {
    const { accessToken } = emu.seedToken();
    const role = await caught(getCredentials(accessToken, "111111111111", "NoSuchRole"));
    expect(role).toBeInstanceOf(ResourceNotFoundException);
    expect(role).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect(await caught(getCredentials(accessToken, "999999999999", "ReadOnly"))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(await caught(getCredentials(accessToken, "333333333333", "AdministratorAccess"))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("rejects a missing role name with InvalidRequestException", async () => {
    const { accessToken } = emu.seedToken();
    const e = await caught(getCredentials(accessToken, "111111111111", ""));
    expect(e).toBeInstanceOf(InvalidRequestException);
    expect(e).toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });
});
