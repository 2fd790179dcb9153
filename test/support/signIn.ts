import type { Emulator, SeededToken, SeedTokenOptions } from "@sso-kit/emulator";
import type { SsoTokenCache } from "@sso-kit/token-provider";

/**
 * Signs in as `sso-kit login` or the AWS CLI would, without a browser: a token issued by `emu` (`seed` as for
 * `emu.seedToken`), written through `cache` to the token file of `key` (an sso-session name or a legacy profile's
 * start URL), or of each key when several profiles share the sign-in. Returns the seeded token (its secrets, for
 * the scans).
 */
export const signIn = async (
  emu: Emulator,
  cache: SsoTokenCache,
  key: string | readonly string[],
  seed: SeedTokenOptions = {},
): Promise<SeededToken> => {
  const seeded = emu.seedToken(seed);
  for (const each of typeof key === "string" ? [key] : key) {
    await cache.writeToken(each, emu.cachedToken(seeded));
  }
  return seeded;
};
