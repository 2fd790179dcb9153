import type { Emulator, EmulatorOptions, SeededToken, SeedTokenOptions } from "@sso-kit/emulator";
import {
  pointSdkAt,
  useEmulator,
  writeCachedToken,
  writeConfig,
} from "../../../packages/credential-provider/src/__fixtures__/testEnvironment";
import { useTempHome } from "../../support/useTempHome";
import { ssoProfilesConfig } from "./ssoProfilesConfig";

/** What {@link useSsoProfiles} sets up before each test. */
export interface SsoProfiles {
  /** The temp HOME of the current test. */
  readonly home: { readonly dir: string };
  /** The emulator of the test file (or describe block); the SDK's standard variables point at it. */
  readonly emu: Emulator;
  /**
   * Signs in as a user would: a token issued by the emulator (`seed` as for `emu.seedToken`) and written to the
   * token file of `key` (session name or start URL).
   */
  signIn(key: string, seed?: SeedTokenOptions): Promise<SeededToken>;
}

/**
 * Per test: a fresh temp HOME whose `~/.aws/config` holds the {@link ssoProfilesConfig} profiles, and the SDK's
 * endpoint variables pointing at one emulator (started once for the file or describe block, reset per test).
 */
export const useSsoProfiles = (options: EmulatorOptions = {}): SsoProfiles => {
  const home = useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });
  const emulator = useEmulator(options);
  beforeEach(() => {
    pointSdkAt(emulator.emu);
    writeConfig(ssoProfilesConfig(emulator.emu.startUrl));
  });
  return {
    home,
    get emu() {
      return emulator.emu;
    },
    signIn: async (key, seed = {}) => {
      const seeded = emulator.emu.seedToken(seed);
      await writeCachedToken(key, emulator.emu.cachedToken(seeded));
      return seeded;
    },
  };
};
