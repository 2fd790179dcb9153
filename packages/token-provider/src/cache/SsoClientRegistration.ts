import { CacheFileError } from "./CacheFileError.js";
import { parseTimestamp } from "./parseTimestamp.js";

/**
 * An OIDC client registration cached by the sign-in (`aws sso login` writes the same shape):
 * the client is reused until `expiresAt`.
 */
export interface SsoClientRegistration {
  /** The registered client's id. */
  clientId: string;
  /** The registered client's secret. */
  clientSecret: string;
  /** When the registration expires, RFC 3339 (read files are normalised to `Date#toISOString()` form). */
  expiresAt: string;
  /** Scopes the client was registered with. */
  scopes?: string[];
  /** Any other field, kept as found. */
  [other: string]: unknown;
}

/**
 * Validates a parsed registration file.
 *
 * @throws CacheFileError (reason `invalid-token`)
 */
export const parseSsoClientRegistration = (
  path: string,
  json: Record<string, unknown>,
): SsoClientRegistration => {
  const invalid = (message: string) => new CacheFileError(path, "invalid-token", message);
  const { clientId, clientSecret, expiresAt, scopes } = json;
  if (
    typeof clientId !== "string" ||
    clientId === "" ||
    typeof clientSecret !== "string" ||
    clientSecret === ""
  ) {
    throw invalid("The cached client registration must contain clientId and clientSecret strings");
  }
  const expiry = typeof expiresAt === "string" ? parseTimestamp(expiresAt) : undefined;
  if (expiry === undefined) {
    throw invalid("Invalid value for the `expiresAt` field in the cached client registration");
  }
  const registration: SsoClientRegistration = {
    ...json,
    clientId,
    clientSecret,
    expiresAt: expiry.toISOString(),
  };
  if (scopes === null) {
    delete registration.scopes;
  } else if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === "string"))) {
    throw invalid("The `scopes` field in the cached client registration is not a list of strings");
  }
  return registration;
};
