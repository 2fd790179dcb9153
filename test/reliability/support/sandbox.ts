import { startEmulator, type Emulator, type EmulatorOptions } from "@sso-kit/emulator";
import { SsoTokenCache, type SsoSession, type SsoTokenFile } from "@sso-kit/token-provider";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Variables that would point a provider elsewhere than the sandbox's HOME and emulator. */
const ENV_KEYS = [
  "HOME",
  "USERPROFILE",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_SSO",
  "AWS_ENDPOINT_URL_SSO_OIDC",
  "AWS_ENDPOINT_URL_STS",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
] as const;

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
  /** Writes a token the emulator issued (see `emu.seedToken`) as the session's cache file; returns the token. */
  seedSession(name: string, expiresInMs: number): Promise<SsoTokenFile>;
}

/**
 * A sandbox for the whole test file: the emulator starts before all tests and stops after them; HOME and the
 * endpoint variables point at the sandbox (restored afterwards), so in-process providers and children agree.
 */
export const useSandbox = (options: EmulatorOptions = {}): Sandbox => {
  const saved: Record<string, string | undefined> = {};
  let emu: Emulator | undefined;
  let home = "";
  const sandbox: Sandbox = {
    get emu() {
      if (emu === undefined) throw new Error("the sandbox is not started (use it inside a test)");
      return emu;
    },
    get home() {
      return home;
    },
    get cache() {
      return new SsoTokenCache({ directory: join(home, ".aws", "sso", "cache") });
    },
    get configFile() {
      return join(home, ".aws", "config");
    },
    get childEnv() {
      return { HOME: home, AWS_CONFIG_FILE: sandbox.configFile, ...sandbox.emu.env };
    },
    session: (name) => ({ name, startUrl: sandbox.emu.startUrl, region: sandbox.emu.region }),
    seedSession: async (name, expiresInMs) => {
      const seeded = sandbox.emu.seedToken({ expiresAt: new Date(Date.now() + expiresInMs) });
      const token = { ...sandbox.emu.cachedToken(seeded) } as SsoTokenFile;
      await sandbox.cache.writeToken(name, token);
      return token;
    },
  };
  beforeAll(async () => {
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    for (const key of ENV_KEYS) delete process.env[key];
    home = mkdtempSync(join(tmpdir(), "sso-kit-reliability-"));
    mkdirSync(join(home, ".aws", "sso", "cache"), { recursive: true, mode: 0o700 });
    writeFileSync(sandbox.configFile, "", { mode: 0o600 });
    emu = await startEmulator(options);
    Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: sandbox.configFile, ...emu.env });
  });
  afterAll(async () => {
    await emu?.stop();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    if (home !== "" && existsSync(home)) rmSync(home, { recursive: true, force: true });
  });
  return sandbox;
};

/** The built entry point of a package, which child processes load; a clear error when it was not built. */
export const requireBuilt = (...packages: string[]): void => {
  for (const name of packages) {
    const entry = join(__dirname, "../../../packages", name, "dist/esm/index.js");
    if (!existsSync(entry)) {
      throw new Error(`Build first: npx -y pnpm@12.21.0 --filter @sso-kit/${name} build (missing ${entry})`);
    }
  }
};
