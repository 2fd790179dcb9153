/** A `CreateToken` reply that can be cached and used. */
export interface CreateTokenReply {
  /** The bearer token: printable ASCII, at most {@link TOKEN_MAX_CHARS} characters. */
  accessToken: string;
  /** Lifetime in seconds: finite, > 0 and at most {@link EXPIRES_IN_MAX_SECONDS}. */
  expiresIn: number;
  /** Present when the service issued (or rotated) a refresh token; same limits as `accessToken`. */
  refreshToken?: string;
}

/**
 * The longest token accepted [64 KiB]. IAM Identity Center's tokens are a few KiB; two tokens this long plus the
 * rest of a token file stay far below the cache file limit the reader enforces (`CACHE_FILE_MAX_BYTES`, 1 MiB), so
 * a cached token can always be read back.
 */
export const TOKEN_MAX_CHARS = 64 * 1024;

/**
 * The longest lifetime accepted [366 days]. Identity Center sessions last at most 90 days; a larger value is not
 * a lifetime (`1e15` s is past the largest date JavaScript can hold).
 */
export const EXPIRES_IN_MAX_SECONDS = 366 * 24 * 60 * 60;

/**
 * Printable ASCII: a token goes into an HTTP header, where a control character would end or forge the header
 * (RFC 6750 allows fewer characters; the SDKs' conformance tests use spaces).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const article = (word: string): string => (/^[aeiou]/i.test(word) ? "an" : "a");

const tokenProblem = (name: string, value: string): string | undefined => {
  if (value === "") return `no ${name}`;
  if (value.length > TOKEN_MAX_CHARS) {
    return `${article(name)} ${name} of ${value.length} characters (at most ${TOKEN_MAX_CHARS} are accepted)`;
  }
  if (!PRINTABLE_ASCII.test(value))
    return `${article(name)} ${name} with characters other than printable ASCII`;
  return undefined;
};

/**
 * Validates an SSO-OIDC `CreateToken` reply (of a sign-in or a refresh) before anything is written: tokens must be
 * non-empty printable-ASCII strings of bounded length, so that the token file written from them fits the limit the
 * cache reader enforces; `expiresIn` must be a finite number of seconds, above 0 and at most
 * {@link EXPIRES_IN_MAX_SECONDS}. A `null` or empty refresh token counts as absent. Nothing of a token is quoted.
 *
 * @returns the reply, or `{ problem }`: what is wrong, in words (e.g. `no accessToken`), for a message.
 */
export const parseCreateTokenReply = (reply: unknown): CreateTokenReply | { problem: string } => {
  const fields = (typeof reply === "object" && reply !== null ? reply : {}) as Record<string, unknown>;
  const { accessToken, expiresIn, refreshToken } = fields;
  if (typeof accessToken !== "string") return { problem: "no accessToken" };
  const accessProblem = tokenProblem("accessToken", accessToken);
  if (accessProblem !== undefined) return { problem: accessProblem };
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn)) return { problem: "no expiresIn" };
  if (expiresIn <= 0) return { problem: `a token that is already expired (expiresIn ${expiresIn})` };
  if (expiresIn > EXPIRES_IN_MAX_SECONDS) {
    return { problem: `an expiresIn of ${expiresIn} s (at most ${EXPIRES_IN_MAX_SECONDS} are accepted)` };
  }
  if (refreshToken !== undefined && refreshToken !== null && refreshToken !== "") {
    if (typeof refreshToken !== "string") return { problem: "a refreshToken that is not a string" };
    const refreshProblem = tokenProblem("refreshToken", refreshToken);
    if (refreshProblem !== undefined) return { problem: refreshProblem };
  }
  return {
    accessToken,
    expiresIn,
    ...(typeof refreshToken === "string" && refreshToken !== "" && { refreshToken }),
  };
};
