import type { OperationName } from "../OperationName.js";

/**
 * A fault to inject into the replies of one operation. Rules are checked in the order they were added and the
 * first one that matches applies. `delayMs` alone slows the real reply down; with another effect it delays that.
 */
export interface FaultRule {
  /** The operation whose requests this rule affects. */
  operation: OperationName;
  /** Apply to the next N matching requests, then retire. Default: forever. */
  times?: number;
  /** The fraction of matching requests the rule applies to, from 0 to 1. Default 1. */
  probability?: number;
  /** Answer with this HTTP status and the service's error encoding (500 InternalServerException etc.). */
  status?: number;
  /** Answer with this modelled exception of the operation's service, e.g. `"InvalidGrantException"`. */
  exception?: string;
  /** `message` / `error_description` of the injected exception. */
  message?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 200 with a broken body: invalid JSON, JSON cut off mid-way (then the connection drops), or nothing. */
  body?: "malformed" | "truncated" | "empty";
  /** Destroy the connection without answering. */
  reset?: boolean;
  /** Answer with this canned reply; `body` is sent as JSON (a string is sent as is). */
  response?: { status?: number; headers?: Record<string, string>; body: unknown };
}
