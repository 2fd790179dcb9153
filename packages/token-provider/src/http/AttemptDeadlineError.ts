/**
 * One attempt (connecting, sending, the reply's headers and body) took longer than the bounded request handler
 * allows, and was cut off. Named `TimeoutError` with code `ETIMEDOUT` on purpose: that is how the SDK's retry
 * strategy recognises a timeout, so the SDK retries it as it retries its own timeouts, and sso-kit's errors report
 * it as a service that did not answer. Recognise it by `deadlineMs`.
 */
export class AttemptDeadlineError extends Error {
  override readonly name = "TimeoutError";
  readonly code = "ETIMEDOUT";

  constructor(
    /** What was asked, e.g. `POST https://oidc.us-east-1.amazonaws.com/token` (no query: it may hold values). */
    readonly request: string,
    /** The limit, in milliseconds. */
    readonly deadlineMs: number,
  ) {
    super(`no complete reply to ${request} within ${deadlineMs} ms`);
  }
}
