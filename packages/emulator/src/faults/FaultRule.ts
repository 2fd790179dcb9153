import type { OperationName } from "../OperationName.js";

/**
 * A fault to inject into the replies of one operation. Rules are checked in the order they were added and the
 * first one that matches applies. `delayMs` alone slows the real reply down; with another effect it delays that.
 */
export interface FaultRule {
  /** The operation whose requests this rule affects. */
  operation: OperationName;
  /** Apply to the next N matching requests, then retire. Default: forever. */
  times?: number | undefined;
  /** The fraction of matching requests the rule applies to, from 0 to 1. Default 1. */
  probability?: number | undefined;
  /** Answer with this HTTP status and the service's error encoding (500 InternalServerException etc.). */
  status?: number | undefined;
  /** Answer with this modelled exception of the operation's service, e.g. `"InvalidGrantException"`. */
  exception?: string | undefined;
  /** `message` / `error_description` of the injected exception. */
  message?: string | undefined;
  /** Wait this long before answering. */
  delayMs?: number | undefined;
  /** Answer 200 with a broken body: invalid JSON, JSON cut off mid-way (then the connection drops), or nothing. */
  body?: "malformed" | "truncated" | "empty" | undefined;
  /** Destroy the connection without answering. */
  reset?: boolean | undefined;
  /**
   * Answer 200 with a JSON body of `bytes` bytes, generated while it is sent (the emulator never holds it), with a
   * `content-length` header unless `declareLength` is `false` (then chunked, so only counting catches it).
   */
  hugeBody?: { bytes: number; declareLength?: boolean | undefined } | undefined;
  /**
   * Answer 200 with headers at once, then one byte of a body that never ends every `intervalMs` (a slowloris
   * reply: the connection is never silent long enough for an idle timeout). Until the client or the emulator
   * gives up.
   */
  drip?: { intervalMs: number } | undefined;
  /** Read the request and never answer, keeping the connection open until the client or the emulator gives up. */
  silent?: boolean | undefined;
  /** Answer with this canned reply; `body` is sent as JSON (a string is sent as is). */
  response?: { status?: number; headers?: Record<string, string>; body: unknown } | undefined;
}
