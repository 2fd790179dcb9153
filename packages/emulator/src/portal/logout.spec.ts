import { GetRoleCredentialsCommand, LogoutCommand, UnauthorizedException } from "@aws-sdk/client-sso";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

describe("Logout", () => {
  it("revokes the access token; a second Logout is unauthorized", async () => {
    const { accessToken } = emu.seedToken();
    const out = await ssoClient(emu).send(new LogoutCommand({ accessToken }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    const e = await caught(
      ssoClient(emu).send(
        new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
      ),
    );
    expect(e).toBeInstanceOf(UnauthorizedException);
    expect(await caught(ssoClient(emu).send(new LogoutCommand({ accessToken })))).toBeInstanceOf(
      UnauthorizedException,
    );
  });

  it("leaves other tokens alone", async () => {
    const a = emu.seedToken();
    const b = emu.seedToken({ clientId: a.clientId });
    await ssoClient(emu).send(new LogoutCommand({ accessToken: a.accessToken }));
    await expect(
      ssoClient(emu).send(
        new GetRoleCredentialsCommand({
          accessToken: b.accessToken,
          accountId: "111111111111",
          roleName: "ReadOnly",
        }),
      ),
    ).resolves.toHaveProperty("roleCredentials");
  });
});
