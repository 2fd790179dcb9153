/**
 * The bounds of every call sso-kit makes through an SDK client (SSO-OIDC sign-in and refresh, the SSO portal's
 * GetRoleCredentials, ListAccounts, ListAccountRoles and Logout) when the caller sets none: `requestHandler`
 * options of {@link boundedRequestHandler}. The SDK's own handler has no whole-attempt limit and reads a reply of
 * any size, so a silent, slow or hostile server could hang a call forever or fill the memory.
 *
 * Per attempt at most `deadlineMs` (15 s); the SDK's standard retry strategy makes up to 3 attempts with short
 * back-offs (well under a second each), so a call ends within about 46 s. The token refresh, which holds the cache lock, is also cut off after
 * 15 s in all.
 */
export const DEFAULT_REQUEST_HANDLER = {
  /** Milliseconds to establish the connection. */
  connectionTimeout: 5_000,
  /** Milliseconds the connection may stay silent while waiting for the reply. */
  requestTimeout: 10_000,
  /** A `requestTimeout` ends the attempt (without this, the SDK's handler only logs a warning). */
  throwOnRequestTimeout: true,
  /**
   * Milliseconds one attempt may take in all: connecting, sending, the reply's headers and its whole body (a
   * server sending one byte every few seconds never trips `requestTimeout`). Then it fails like a timeout, which
   * the SDK retries.
   */
  deadlineMs: 15_000,
  /** Bytes a reply body may have (1 MiB; real replies have a few KiB). A larger one fails and is not retried. */
  maxReplyBytes: 1_048_576,
} as const;
