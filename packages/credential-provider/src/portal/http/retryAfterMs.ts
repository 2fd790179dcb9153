import type { PortalReply } from "./PortalReply.js";

const SECONDS = /^\d+(\.\d+)?$/;

/**
 * How long an error reply asks the client to wait, in milliseconds: `x-amz-retry-after` (milliseconds), else
 * `Retry-After` (seconds, or an HTTP date). `undefined` when neither is there or readable.
 */
export const retryAfterMs = (headers: PortalReply["headers"]): number | undefined => {
  const amz = headers["x-amz-retry-after"];
  if (typeof amz === "string") {
    const ms = Number(amz);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const retryAfter = headers["retry-after"];
  if (typeof retryAfter !== "string") return undefined;
  if (SECONDS.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : date - Date.now();
};
