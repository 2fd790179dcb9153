import {
  CreateTokenCommand,
  InvalidClientException,
  InvalidGrantException,
  InvalidScopeException,
  UnsupportedGrantTypeException,
} from "@aws-sdk/client-sso-oidc";
import { LogoutCommand } from "@aws-sdk/client-sso";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient, ssoClient } from "../../../../test/support/emulator/clients.js";
import { signInWithDevice } from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import type { SeededToken } from "../seeding/SeedTypes.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const refresh = (
  target: Emulator,
  client: { clientId: string; clientSecret: string },
  refreshToken: string,
  scope?: string[],
) =>
  oidcClient(target).send(
    new CreateTokenCommand({ ...client, grantType: "refresh_token", refreshToken, scope }),
  );

/** The client registration a seeded token belongs to. */
const clientOf = (seeded: SeededToken) => ({ clientId: seeded.clientId, clientSecret: seeded.clientSecret });

describe("CreateToken with the refresh token grant", () => {
  it("rotates the refresh token: the new one works, the old one is an invalid grant", async () => {
    const { client, tokens } = await signInWithDevice(emu);
    const first = await refresh(emu, client, tokens.refreshToken ?? "");
    expect(first.accessToken).not.toBe(tokens.accessToken);
    expect(first.refreshToken).not.toBe(tokens.refreshToken);
    const reuse = await caught(refresh(emu, client, tokens.refreshToken ?? ""));
    expect(reuse).toBeInstanceOf(InvalidGrantException);
    expect(reuse).toMatchObject({ error: "invalid_grant", $metadata: { httpStatusCode: 400 } });
    const second = await refresh(emu, client, first.refreshToken ?? "");
    expect(second.accessToken).toEqual(expect.any(String));
  });

  it("keeps the refresh token with rotateRefreshTokens: false", async () => {
    const keep = await startEmulator({ rotateRefreshTokens: false });
    try {
      const { client, tokens } = await signInWithDevice(keep);
      const first = await refresh(keep, client, tokens.refreshToken ?? "");
      expect(first.refreshToken).toBe(tokens.refreshToken);
      const second = await refresh(keep, client, tokens.refreshToken ?? "");
      expect(second.accessToken).not.toBe(first.accessToken);
    } finally {
      await keep.stop();
    }
  });

  it("accepts a seeded refresh token once", async () => {
    const seeded = emu.seedToken();
    const out = await refresh(emu, clientOf(seeded), seeded.refreshToken ?? "");
    expect(out.accessToken).toEqual(expect.any(String));
    expect(await caught(refresh(emu, clientOf(seeded), seeded.refreshToken ?? ""))).toBeInstanceOf(
      InvalidGrantException,
    );
  });

  it("rejects a refresh token after Logout", async () => {
    const seeded = emu.seedToken();
    await ssoClient(emu).send(new LogoutCommand({ accessToken: seeded.accessToken }));
    const e = await caught(refresh(emu, clientOf(seeded), seeded.refreshToken ?? ""));
    expect(e).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects another client's refresh token, an unknown one, and wider scopes", async () => {
    const seeded = emu.seedToken();
    const other = emu.seedClient();
    expect(await caught(refresh(emu, other, seeded.refreshToken ?? ""))).toBeInstanceOf(
      InvalidGrantException,
    );
    const own = clientOf(seeded);
    expect(await caught(refresh(emu, own, "emu-rt-unknown"))).toBeInstanceOf(InvalidGrantException);
    expect(
      await caught(refresh(emu, own, seeded.refreshToken ?? "", ["codewhisperer:completions"])),
    ).toBeInstanceOf(InvalidScopeException);
  });

  it("rejects a wrong client secret and an expired registration with InvalidClientException (401)", async () => {
    const seeded = emu.seedToken({ registrationExpiresAt: new Date(Date.now() + 10_000) });
    const wrong = await caught(
      refresh(emu, { clientId: seeded.clientId, clientSecret: "nope" }, seeded.refreshToken ?? ""),
    );
    expect(wrong).toBeInstanceOf(InvalidClientException);
    expect(wrong).toMatchObject({ error: "invalid_client", $metadata: { httpStatusCode: 401 } });
    emu.clock.advance(11_000);
    const expired = await caught(refresh(emu, clientOf(seeded), seeded.refreshToken ?? ""));
    expect(expired).toBeInstanceOf(InvalidClientException);
  });

  it("rejects an unknown grant type with UnsupportedGrantTypeException", async () => {
    const client = emu.seedClient();
    const e = await caught(
      oidcClient(emu).send(new CreateTokenCommand({ ...client, grantType: "password" })),
    );
    expect(e).toBeInstanceOf(UnsupportedGrantTypeException);
    expect(e).toMatchObject({ error: "unsupported_grant_type" });
  });
});
