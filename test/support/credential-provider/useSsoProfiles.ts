import type { Emulator, EmulatorOptions, SeededToken, SeedTokenOptions } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { signIn } from "../signIn.js";
import { useTempHome } from "../useTempHome.js";
import { ssoProfilesConfig } from "./ssoProfilesConfig.js";
import { pointSdkAt, useEmulator, writeConfig } from "./testEnvironment.js";

/** What {@link useSsoProfiles} sets up before each test. */
export interface SsoProfiles {
  /** The temp HOME of the current test. */
  readonly home: { readonly dir: string };
  /** The emulator of the test file (or describe block); the SDK's standard variables point at it. */
  readonly emu: Emulator;
  /**
   * Signs in as a user would (see the shared `signIn`): a token issued by the emulator (`seed` as for
   * `emu.seedToken`), written to the token file of `key` (session name or start URL) in the current HOME.
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
    signIn: (key, seed) => signIn(emulator.emu, new SsoTokenCache(), key, seed),
  };
};
