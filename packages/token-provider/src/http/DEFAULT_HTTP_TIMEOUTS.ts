/**
 * The time limits of every sso-kit call to IAM Identity Center (SSO-OIDC, the SSO portal) when the caller gives
 * no HTTP handler of its own. The SDK clients have none by default, so a connection that stops answering would
 * hang the call, and a refresh holding the token cache lock, forever. Each attempt is bounded; the SDK's retries
 * (3 attempts) then stay within the 30 s other processes wait for that lock.
 */
export const DEFAULT_HTTP_TIMEOUTS = {
  /** Milliseconds to establish the connection. */
  connectionTimeout: 5_000,
  /** Milliseconds the connection may stay silent while waiting for the reply. */
  requestTimeout: 10_000,
} as const;
