import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { useSsoProfiles } from "../../../../test/support/credential-provider/useSsoProfiles.js";
import { forgetProcessWideState } from "../../../../test/support/forgetProcessWideState.js";
import type * as CredentialProvider from "../index.js";

/** A session that has ended: the cached token expired and there is no refresh token to renew it. */
const ENDED = { expiresAt: new Date(Date.now() - 60_000), refreshToken: false } as const;

describe("fromSSO's login option (sign-in on demand)", () => {
  const sso = useSsoProfiles({ autoApprove: true });
  let sdk: typeof CredentialProvider;
  // No browser, and a prompt that shows nothing: the emulator approves by itself.
  const login = () => ({ openBrowser: false, prompt: () => undefined });

  beforeEach(async () => {
    jest.resetModules();
    forgetProcessWideState();
    sdk = await import("../index.js");
  });

  it("signs in once when the session has ended (device code without a browser), then returns credentials", async () => {
    await sso.signIn("dev", ENDED);
    const identity = await sdk.fromSSO({ profile: "dev", login: login() })();
    expect(identity.accessKeyId).toMatch(/^ASIA/);
    // The emulator approves at once, so the flow needs no prompt; Authorize 0: not PKCE.
    expect(sso.emu.stats()).toMatchObject({
      StartDeviceAuthorization: 1,
      Authorize: 0,
      GetRoleCredentials: 1,
    });
  });

  it("signs in again when the portal refuses a token the cache calls valid (Unauthorized)", async () => {
    const seeded = await sso.signIn("dev");
    sso.emu.revokeToken(seeded.accessToken);
    const identity = await sdk.fromSSO({ profile: "dev", login: login() })();
    expect(identity.accessKeyId).toMatch(/^ASIA/);
    expect(sso.emu.stats()).toMatchObject({ StartDeviceAuthorization: 1, GetRoleCredentials: 2 });
  });

  it("says why when the sign-in itself fails, keeping the sign-in command", async () => {
    await sso.signIn("dev", ENDED);
    sso.emu.faults.add({
      operation: "StartDeviceAuthorization",
      response: { status: 400, body: { error: "access_denied" } },
    });
    const error = await sdk
      .fromSSO({ profile: "dev", login: login() })()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "CredentialsProviderError",
      reason: "Token",
      tryNextLink: false,
      signInCommand: "sso-kit login --profile dev",
    });
    expect((error as Error).message).toMatch(/Signing in on demand failed: /);
  });

  it("is off by default: an ended session fails at once, with no sign-in request", async () => {
    await sso.signIn("dev", ENDED);
    await expect(sdk.fromSSO({ profile: "dev" })()).rejects.toMatchObject({ reason: "Token" });
    const stats = sso.emu.stats();
    expect([stats.RegisterClient, stats.StartDeviceAuthorization, stats.Authorize]).toEqual([0, 0, 0]);
  });

  it("never loads @sso-kit/login without the option (the built CommonJS package, in a child process)", () => {
    const built = join(__dirname, "../../dist/cjs/index.js");
    const script = `
      const { fromSSO } = require(${JSON.stringify(built)});
      fromSSO({ profile: "dev" })().then(
        () => process.exit(2),
        () => {
          const loaded = Object.keys(require.cache).filter((path) => /[\\\\/]login[\\\\/]dist[\\\\/]/.test(path));
          process.stdout.write(JSON.stringify(loaded));
        },
      );`;
    const child = spawnSync(process.execPath, ["-e", script], {
      env: { ...process.env, HOME: sso.home.dir, AWS_CONFIG_FILE: join(sso.home.dir, ".aws", "config") },
      encoding: "utf8",
    });
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status: 0, stdout: "[]" });
  });
});
