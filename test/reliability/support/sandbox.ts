import type { FromSSOInit } from "@sso-kit/credential-provider";
import { startEmulator, type Emulator, type EmulatorOptions } from "@sso-kit/emulator";
import { SsoTokenCache, type SsoSession, type SsoTokenFile } from "@sso-kit/token-provider";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { enterTempHome, type TempHome } from "../../support/enterTempHome";
import { signIn } from "../../support/signIn";

/** One test file's world: an emulator, a temporary HOME, and the environment children get. */
export interface Sandbox {
  readonly emu: Emulator;
  readonly home: string;
  /** `~/.aws/sso/cache` of the sandbox's HOME. */
  readonly cache: SsoTokenCache;
  /** `~/.aws/config` of the sandbox's HOME (AWS_CONFIG_FILE). */
  readonly configFile: string;
  /** What a child process gets: HOME, config file and the emulator endpoints. */
  readonly childEnv: Record<string, string>;
  /** An sso-session on the emulator's start URL and region. */
  session(name: string): SsoSession;
  /**
   * `fromSSO`'s settings for the first role of the emulator's first account through sso-session `name` (given
   * whole, so that no config file is read).
   */
  sessionRole(name: string): FromSSOInit;
  /** Writes a token the emulator issued (see `emu.seedToken`) as the session's cache file; returns the token. */
  seedSession(name: string, expiresInMs: number): Promise<SsoTokenFile>;
}

/**
 * A sandbox for the whole test file: the emulator starts before all tests and stops after them; HOME and the
 * endpoint variables point at the sandbox (restored afterwards), so in-process providers and children agree.
 */
export const useSandbox = (options: EmulatorOptions = {}): Sandbox => {
  let emu: Emulator | undefined;
  let tempHome: TempHome | undefined;
  const sandbox: Sandbox = {
    get emu() {
      if (emu === undefined) throw new Error("the sandbox is not started (use it inside a test)");
      return emu;
    },
    get home() {
      return tempHome?.dir ?? "";
    },
    get cache() {
      return new SsoTokenCache({ directory: join(sandbox.home, ".aws", "sso", "cache") });
    },
    get configFile() {
      return join(sandbox.home, ".aws", "config");
    },
    get childEnv() {
      return { HOME: sandbox.home, AWS_CONFIG_FILE: sandbox.configFile, ...sandbox.emu.env };
    },
    session: (name) => ({ name, startUrl: sandbox.emu.startUrl, region: sandbox.emu.region }),
    sessionRole: (name) => ({
      ssoSession: name,
      ssoStartUrl: sandbox.emu.startUrl,
      ssoRegion: sandbox.emu.region,
      ssoAccountId: sandbox.emu.accounts[0]!.accountId,
      ssoRoleName: sandbox.emu.accounts[0]!.roles[0]!,
    }),
    seedSession: async (name, expiresInMs) => {
      const seeded = await signIn(sandbox.emu, sandbox.cache, name, {
        expiresAt: new Date(Date.now() + expiresInMs),
      });
      return sandbox.emu.cachedToken(seeded);
    },
  };
  beforeAll(async () => {
    emu = await startEmulator(options);
    tempHome = enterTempHome({ prefix: "sso-kit-reliability-" });
    mkdirSync(join(tempHome.dir, ".aws", "sso", "cache"), { recursive: true, mode: 0o700 });
    writeFileSync(sandbox.configFile, "", { mode: 0o600 });
    Object.assign(process.env, { AWS_CONFIG_FILE: sandbox.configFile, ...emu.env });
  });
  afterAll(async () => {
    await emu?.stop();
    tempHome?.restore();
  });
  return sandbox;
};
