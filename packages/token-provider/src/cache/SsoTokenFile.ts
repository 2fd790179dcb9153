import { CacheFileError } from "./CacheFileError.js";
import { parseTimestamp } from "./parseTimestamp.js";

/**
 * A token file of `~/.aws/sso/cache`, as written by `aws sso login`, the AWS SDKs and sso-kit.
 * Fields sso-kit does not know are kept, so a rewrite never loses what another tool stored.
 */
export interface SsoTokenFile {
  /** The bearer token for the SSO portal API. */
  accessToken: string;
  /** When `accessToken` expires, RFC 3339 (read files are normalised to `Date#toISOString()` form). */
  expiresAt: string;
  /** OAuth refresh token; present when the session can be refreshed. */
  refreshToken?: string;
  /** The OIDC client the token was issued to (needed to refresh). */
  clientId?: string;
  /** That client's secret (needed to refresh). */
  clientSecret?: string;
  /** When the client registration expires, RFC 3339; past it the token cannot be refreshed. */
  registrationExpiresAt?: string;
  /** The `sso_region` the token was issued in. */
  region?: string;
  /** The `sso_start_url` the token was issued for. */
  startUrl?: string;
  /** Any other field, kept as found. */
  [other: string]: unknown;
}

const OPTIONAL_STRINGS = ["refreshToken", "clientId", "clientSecret", "region", "startUrl"] as const;

/**
 * Validates a parsed token file. Never guesses: a missing or mistyped field is an error naming the field.
 * `null` in an optional field counts as absent. Timestamps are normalised to `toISOString()` form.
 *
 * @throws CacheFileError (reason `invalid-token`)
 */
export const parseSsoTokenFile = (path: string, json: Record<string, unknown>): SsoTokenFile => {
  const invalid = (message: string) => new CacheFileError(path, "invalid-token", message);
  const { accessToken, expiresAt } = json;
  if (typeof accessToken !== "string" || accessToken === "" || expiresAt === undefined) {
    throw invalid("The cached SSO token file must contain accessToken and expiresAt fields");
  }
  const expiry = typeof expiresAt === "string" ? parseTimestamp(expiresAt) : undefined;
  if (expiry === undefined) {
    throw invalid(
      "Invalid value for the `expiresAt` field in the cached SSO token file (not an RFC 3339 time)",
    );
  }
  const token: SsoTokenFile = { ...json, accessToken, expiresAt: expiry.toISOString() };
  for (const key of OPTIONAL_STRINGS) {
    const value = json[key];
    if (value === null) {
      delete token[key];
    } else if (value !== undefined && typeof value !== "string") {
      throw invalid(`The \`${key}\` field in the cached SSO token file is not a string`);
    }
  }
  const { registrationExpiresAt } = json;
  if (registrationExpiresAt === null) {
    delete token.registrationExpiresAt;
  } else if (registrationExpiresAt !== undefined) {
    const registrationExpiry =
      typeof registrationExpiresAt === "string" ? parseTimestamp(registrationExpiresAt) : undefined;
    if (registrationExpiry === undefined) {
      throw invalid(
        "Invalid value for the `registrationExpiresAt` field in the cached SSO token file (not an RFC 3339 time)",
      );
    }
    token.registrationExpiresAt = registrationExpiry.toISOString();
  }
  return token;
};
