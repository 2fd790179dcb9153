/**
 * A reply body was larger than the bounded request handler allows: the attempt failed without reading it further
 * (so a huge or endless reply cannot fill the memory). Not retried: the same request would get the same reply.
 * Recognise it by `name` (`"ReplyTooLargeError"`); an error from another copy of this package says the same.
 */
export class ReplyTooLargeError extends Error {
  override readonly name = "ReplyTooLargeError";

  constructor(
    /** What was asked, e.g. `POST https://oidc.us-east-1.amazonaws.com/token` (no query: it may hold values). */
    readonly request: string,
    /** The limit, in bytes. */
    readonly maxReplyBytes: number,
  ) {
    super(`the reply to ${request} is larger than ${maxReplyBytes} bytes; it was not read further`);
  }
}
