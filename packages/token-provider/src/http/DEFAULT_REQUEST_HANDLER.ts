/**
 * The `requestHandler` options of every sso-kit call to IAM Identity Center (SSO-OIDC, the SSO portal) when the
 * caller gives no handler of its own: the SDK's handler has no time limits by default, so a connection that stops
 * answering would hang the call forever. Each attempt is bounded (with the SDK's 3 attempts, a silent service
 * fails in well under a minute); the token refresh, which holds the cache lock, is also cut off after 15 s.
 */
export const DEFAULT_REQUEST_HANDLER = {
  /** Milliseconds to establish the connection. */
  connectionTimeout: 5_000,
  /** Milliseconds the connection may stay silent while waiting for the reply. */
  requestTimeout: 10_000,
  /** A `requestTimeout` ends the attempt (without this, the SDK's handler only logs a warning). */
  throwOnRequestTimeout: true,
} as const;
