import { writeFileSync } from "node:fs";
import path from "node:path";

import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type SeededToken,
  type SeedTokenOptions,
} from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";

import { enterTempHome, type TempHome } from "../../../../test/support/enterTempHome.js";

/** A running emulator and a temp HOME whose `~/.aws/config` points at it. */
export interface SsoSandbox {
  readonly emu: Emulator;
  /** The temp HOME. */
  readonly home: string;
}

/** {@link SsoSandbox} of the current test, started by `start`. */
export interface SsoSandboxHandle extends SsoSandbox {
  /**
   * Starts an emulator with `options`, enters a temp HOME whose `~/.aws/config` holds `config(emu)` (one entry a
   * line), and points HOME, AWS_CONFIG_FILE and the SDK's endpoint variables at them, with every other AWS_*
   * variable unset.
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
  let current: (SsoSandbox & { tempHome: TempHome }) | undefined;
  afterEach(async () => {
    if (current === undefined) return;
    const { emu, tempHome } = current;
    current = undefined;
    await emu.stop();
    tempHome.restore();
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
      const tempHome = enterTempHome({ prefix: homePrefix, createAwsDirectory: true });
      const configFile = path.join(tempHome.dir, ".aws", "config");
      current = { emu, home: tempHome.dir, tempHome };
      writeFileSync(configFile, `${config(emu).join("\n")}\n`);
      Object.assign(process.env, { ...emu.env, AWS_CONFIG_FILE: configFile });
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
