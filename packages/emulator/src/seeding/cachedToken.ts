import type { CachedTokenFile, SeededToken } from "./SeedTypes.js";

/** The AWS CLI's token cache file for a seeded token (see `Emulator.cachedToken`). */
export const cachedToken = (
  seeded: SeededToken,
  defaults: { startUrl: string; region: string },
  options: { startUrl?: string; region?: string } = {},
): CachedTokenFile => ({
  startUrl: options.startUrl ?? defaults.startUrl,
  region: options.region ?? defaults.region,
  accessToken: seeded.accessToken,
  expiresAt: cliTimestamp(seeded.expiresAt),
  clientId: seeded.clientId,
  clientSecret: seeded.clientSecret,
  registrationExpiresAt: cliTimestamp(seeded.registrationExpiresAt),
  ...(seeded.refreshToken === undefined ? {} : { refreshToken: seeded.refreshToken }),
});

/** `YYYY-MM-DDTHH:MM:SSZ`, as the AWS CLI writes times (whole seconds, rounded down). */
const cliTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");
