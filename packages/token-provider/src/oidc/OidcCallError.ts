import type { SsoTokenErrorReason } from "../errors/tokenProviderError.js";

/** What {@link OidcCallError} knows about a failed SSO-OIDC call. */
export interface OidcCallFailure {
  /** Which of three things happened. */
  reason: SsoTokenErrorReason;
  /** The SSO-OIDC operation, e.g. `CreateToken`. */
  operation: string;
  /** The HTTP status of the last reply, when one arrived. */
  status?: number;
  /** How many attempts the SDK client made, when it says. */
  attempts?: number;
  /** The URL the request went to (without its query), when it got that far. */
  url?: string;
  /** The service's exception name, e.g. `InvalidGrantException`, when it answered with one. */
  exception?: string;
}

/**
 * A failed SSO-OIDC call, classified: its message is one line that names the operation, the HTTP status where
 * there was one, and what happened (never a secret: the cause is quoted through `describeError`), e.g.
 * `SSO-OIDC CreateToken answered HTTP 500 after 3 attempts (InternalServerException: ...)`. The SDK's error is
 * its `cause`.
 */
export class OidcCallError extends Error implements OidcCallFailure {
  override name = "OidcCallError";
  readonly reason: SsoTokenErrorReason;
  readonly operation: string;
  readonly status?: number;
  readonly attempts?: number;
  readonly url?: string;
  readonly exception?: string;

  constructor(message: string, failure: OidcCallFailure, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = failure.reason;
    this.operation = failure.operation;
    if (failure.status !== undefined) this.status = failure.status;
    if (failure.attempts !== undefined) this.attempts = failure.attempts;
    if (failure.url !== undefined) this.url = failure.url;
    if (failure.exception !== undefined) this.exception = failure.exception;
  }
}
