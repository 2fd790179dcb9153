/** A portal rate limit after validation: the bucket's refill rate and size. */
export interface ResolvedRateLimit {
  requestsPerSecond: number;
  burst: number;
}

/**
 * The portal's limit when none is given: AWS documents 20 requests a second for the portal's API. It does not
 * document a burst; 100 (five seconds' worth) lets the short bursts of real use through (a shell's handful of
 * profiles, a CI job's parallel workers) while a listing of hundreds of accounts is throttled as it is in AWS.
 */
export const DEFAULT_PORTAL_RATE_LIMIT: Readonly<ResolvedRateLimit> = { requestsPerSecond: 20, burst: 100 };

/** Validates the `portalRateLimit` option; `undefined` when throttling is turned off (`false` or 0 requests a second). */
export const resolvePortalRateLimit = (value: unknown): ResolvedRateLimit | undefined => {
  if (value === undefined) return { ...DEFAULT_PORTAL_RATE_LIMIT };
  if (value === false) return undefined;
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `portalRateLimit must be false or { requestsPerSecond, burst? }, got ${JSON.stringify(value)}`,
    );
  }
  const { requestsPerSecond, burst } = value as Record<string, unknown>;
  if (typeof requestsPerSecond !== "number" || !Number.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
    throw new TypeError(
      `portalRateLimit.requestsPerSecond must be a number of 0 or more, got ${JSON.stringify(requestsPerSecond)}`,
    );
  }
  if (requestsPerSecond === 0) return undefined;
  if (burst === undefined) return { requestsPerSecond, burst: Math.max(1, Math.ceil(requestsPerSecond)) };
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 1) {
    throw new TypeError(
      `portalRateLimit.burst must be a whole number of 1 or more, got ${JSON.stringify(burst)}`,
    );
  }
  return { requestsPerSecond, burst };
};
