import type * as PropertyProvider from "@smithy/property-provider";
import type { TokenProviderError } from "@smithy/property-provider";
import { loadCommonJsModule } from "../modules/loadCommonJsModule.js";
import { nodeRequire } from "../modules/nodeRequire.js";
import type { Logger } from "@smithy/types";

/**
 * Which of three things happened, for callers to branch on instead of reading the message:
 *
 * - `SessionEnded`: there is no usable session; signing in again is the fix (the error carries `signInCommand`,
 *   unless only a start URL is known). No token cached, an expired token that cannot be refreshed, a refresh
 *   token or client registration the service rejected (`InvalidGrantException`, `InvalidClientException`, an
 *   expired `registrationExpiresAt`), a cache file that is unusable (signing in replaces it), or signed out.
 * - `ServiceUnavailable`: the session may well be fine, but SSO-OIDC could not refresh it now: HTTP 5xx,
 *   throttling (429, `SlowDownException`), a timeout, a network failure, a reply that was cut off or cannot be
 *   used, or the cache lock stayed held by another process. Try again; the cached token was left as it was.
 * - `Misconfigured`: what was asked for cannot work as configured: the SSO-OIDC endpoint answers with an HTML
 *   page, a redirect or an error SSO-OIDC does not have (the message names the URL), a profile without
 *   `sso_session`, or a lock path that is not a file sso-kit may replace (the message names it).
 */
export type SsoTokenErrorReason = "SessionEnded" | "ServiceUnavailable" | "Misconfigured";

/** Options of {@link tokenProviderError}. */
export interface TokenProviderErrorOptions {
  /** Whether a provider chain may try its next provider. */
  tryNextLink: boolean;
  /** Receives the message at debug level, as every `ProviderError` does. */
  logger?: Logger | undefined;
  /** The underlying error. */
  cause?: unknown;
  /**
   * The command that signs the user in again, when that is the fix (as on the credential provider's errors):
   * callers branch on it instead of reading the message.
   */
  signInCommand?: string | undefined;
  /** Which of three things happened (see {@link SsoTokenErrorReason}). */
  reason?: SsoTokenErrorReason | undefined;
}

/**
 * A `TokenProviderError`, with `reason` (which of three things happened) and the sign-in command when signing in
 * again is the fix.
 */
export type SsoTokenProviderError = TokenProviderError & {
  signInCommand?: string;
  reason?: SsoTokenErrorReason;
};

/**
 * `@smithy/property-provider`, loaded with the first error. Loading it costs a program more (about 15 ms: it brings
 * `@smithy/core`'s config, client and schema modules) than all of sso-kit's own start, and a program that gets its
 * token never needs it.
 */
export const loadProviderErrors = (): Promise<typeof PropertyProvider> =>
  loadCommonJsModule<typeof PropertyProvider>(
    nodeRequire,
    "@smithy/property-provider",
    () => import("@smithy/property-provider"),
  );

/**
 * The error every sso-kit token path throws: a `TokenProviderError` of `@smithy/property-provider`, as every SDK
 * token provider throws, so chains and callers written for those keep working. Asynchronous because its class is
 * loaded on first use (see {@link loadProviderErrors}): `throw await tokenProviderError(...)`.
 */
export const tokenProviderError = async (
  message: string,
  { tryNextLink, logger, cause, signInCommand, reason }: TokenProviderErrorOptions,
): Promise<SsoTokenProviderError> => {
  const { TokenProviderError } = await loadProviderErrors();
  const error: SsoTokenProviderError = new TokenProviderError(message, { tryNextLink, logger });
  if (cause !== undefined) error.cause = cause;
  if (signInCommand !== undefined) error.signInCommand = signInCommand;
  if (reason !== undefined) error.reason = reason;
  return error;
};
