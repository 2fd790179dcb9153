import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type SeededToken,
  type SeedTokenOptions,
} from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";

import { enterTempHome } from "./enterTempHome.js";
import { signIn } from "./signIn.js";

/** What {@link startSsoSandbox} sets up. */
export interface SsoSandboxOptions {
  /** The emulator's options. */
  emulator?: EmulatorOptions;
  /** The text of `~/.aws/config`, given the emulator (its start URL and region). */
  config: (emu: Emulator) => string;
  /** The start of the temp HOME's name, e.g. `sso-kit-login-`. */
  homePrefix?: string;
}

/** A running emulator and a temp HOME whose `~/.aws/config` points at it, for code that runs in this process. */
export interface SsoSandbox {
  readonly emu: Emulator;
  /** The temp HOME (`process.env.HOME`). */
  readonly home: string;
  /** `~/.aws/config` (`AWS_CONFIG_FILE`). */
  readonly configFile: string;
  /** `~/.aws/sso/cache`. */
  readonly cacheDir: string;
  /** Replaces `~/.aws/config`. */
  writeConfig(text: string): void;
  /** File names in `~/.aws/sso/cache` (no temp or lock files), sorted. */
  cacheFiles(): string[];
  /** A cache file's JSON. */
  readCache(name: string): Record<string, unknown>;
  /** Signs in without a browser (see the shared `signIn`), writing to `~/.aws/sso/cache`. */
  signIn(key: string, seed?: SeedTokenOptions): Promise<SeededToken>;
  /** Stops the emulator, restores the environment, removes the temp HOME. */
  close(): Promise<void>;
}

/**
 * Starts an emulator and enters a temporary HOME (see `enterTempHome`) whose `~/.aws/config` holds `config(emu)`,
 * with AWS_CONFIG_FILE and the SDK's endpoint variables pointing at them; `close()` undoes all of it. For specs
 * and tests whose code under test reads the standard files and variables in this process.
 */
export const startSsoSandbox = async ({
  emulator = {},
  config,
  homePrefix,
}: SsoSandboxOptions): Promise<SsoSandbox> => {
  const emu = await startEmulator(emulator);
  const tempHome = enterTempHome({ prefix: homePrefix, createAwsDirectory: true });
  const home = tempHome.dir;
  const configFile = join(home, ".aws", "config");
  const cacheDir = join(home, ".aws", "sso", "cache");
  writeFileSync(configFile, config(emu));
  Object.assign(process.env, { ...emu.env, AWS_CONFIG_FILE: configFile });
  return {
    emu,
    home,
    configFile,
    cacheDir,
    writeConfig: (text) => writeFileSync(configFile, text),
    cacheFiles: () => {
      try {
        return readdirSync(cacheDir)
          .filter((name) => name.endsWith(".json") && !name.startsWith("."))
          .sort();
      } catch {
        return [];
      }
    },
    readCache: (name) => JSON.parse(readFileSync(join(cacheDir, name), "utf8")) as Record<string, unknown>,
    signIn: (key, seed) => signIn(emu, new SsoTokenCache({ directory: cacheDir }), key, seed),
    close: async () => {
      await emu.stop();
      tempHome.restore();
    },
  };
};
