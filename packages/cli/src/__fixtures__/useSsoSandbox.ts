import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type SeededToken,
  type SeedTokenOptions,
} from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";

/** A running emulator and a temp HOME whose `~/.aws/config` points at it. */
export interface SsoSandbox {
  readonly emu: Emulator;
  /** The temp HOME. */
  readonly home: string;
}

/** {@link SsoSandbox} of the current test, started by `start`. */
export interface SsoSandboxHandle extends SsoSandbox {
  /**
   * Starts an emulator with `options`, makes a temp HOME whose `~/.aws/config` holds `config(emu)` (one entry a
   * line), and points HOME, AWS_CONFIG_FILE and the SDK's endpoint variables at them, with AWS_PROFILE unset.
   */
  start(options: EmulatorOptions, config: (emu: Emulator) => string[]): Promise<SsoSandbox>;
  /**
   * Signs in as `sso-kit login` would: a token issued by the emulator (`seed` as for `emu.seedToken`), written to
   * the token file of `key` (session name or start URL) through the token cache.
   */
  signIn(key: string, seed?: SeedTokenOptions): Promise<SeededToken>;
}

/**
 * For specs of commands that read `~/.aws/config` and reach IAM Identity Center: call `start` in a `beforeEach` or
 * in the test; after each test the emulator stops, every variable `start` changed is restored and the HOME removed.
 */
export const useSsoSandbox = (homePrefix: string): SsoSandboxHandle => {
  let current: (SsoSandbox & { saved: Record<string, string | undefined> }) | undefined;
  afterEach(async () => {
    if (current === undefined) return;
    const { emu, home, saved } = current;
    current = undefined;
    await emu.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(home, { recursive: true, force: true });
  });
  const started = (): SsoSandbox => {
    if (current === undefined) throw new Error("call start() first");
    return current;
  };
  return {
    get emu() {
      return started().emu;
    },
    get home() {
      return started().home;
    },
    start: async (options, config) => {
      const emu = await startEmulator(options);
      const home = mkdtempSync(path.join(tmpdir(), homePrefix));
      const configFile = path.join(home, ".aws", "config");
      const vars = { ...emu.env, HOME: home, AWS_CONFIG_FILE: configFile };
      const saved = Object.fromEntries(
        [...Object.keys(vars), "AWS_PROFILE"].map((name) => [name, process.env[name]]),
      );
      current = { emu, home, saved };
      mkdirSync(path.dirname(configFile), { recursive: true, mode: 0o700 });
      writeFileSync(configFile, `${config(emu).join("\n")}\n`);
      delete process.env.AWS_PROFILE;
      Object.assign(process.env, vars);
      return current;
    },
    signIn: async (key, seed = {}) => {
      const { emu } = started();
      const seeded = emu.seedToken(seed);
      await new SsoTokenCache().writeToken(key, { ...emu.cachedToken(seeded) });
      return seeded;
    },
  };
};
