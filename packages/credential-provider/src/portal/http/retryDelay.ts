import type { RetryErrorType } from "./retryErrorType.js";

/**
 * Backoff bases of the SDK's standard retry strategy as `@smithy/core` 3.41 (`@aws-sdk/client-sso` 3.1162) sets
 * them: 50 ms, 1 s after throttling; no wait exceeds 20 s. (Earlier releases used 100 ms and 500 ms.)
 */
export const RETRY_BASE_DELAY_MS = 50;
/** See {@link RETRY_BASE_DELAY_MS}. */
export const THROTTLING_RETRY_BASE_DELAY_MS = 1_000;
/** See {@link RETRY_BASE_DELAY_MS}. */
export const MAX_RETRY_DELAY_MS = 20_000;

/** A server's `Retry-After` may lengthen the wait by this much at most, as in the SDK. */
const MAX_RETRY_AFTER_EXTENSION_MS = 5_000;

/**
 * Milliseconds to wait before the next attempt: full-jitter exponential backoff, a random whole number below
 * `min(base × 2^retriesSoFar, 20 s)`; a server's `retryAfterMs` raises it up to 5 s beyond that.
 */
export const retryDelay = (
  type: RetryErrorType,
  retriesSoFar: number,
  retryAfterMs: number | undefined,
): number => {
  const base = type === "THROTTLING" ? THROTTLING_RETRY_BASE_DELAY_MS : RETRY_BASE_DELAY_MS;
  const backoff = Math.floor(Math.random() * Math.min(base * 2 ** retriesSoFar, MAX_RETRY_DELAY_MS));
  if (retryAfterMs === undefined) return backoff;
  return Math.max(backoff, Math.min(retryAfterMs, backoff + MAX_RETRY_AFTER_EXTENSION_MS));
};
