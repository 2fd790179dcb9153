/** A portal rate limit after validation: the bucket's refill rate and size. */
export interface ResolvedRateLimit {
  requestsPerSecond: number;
  burst: number;
}

/** Validates the `portalRateLimit` option; `undefined` when throttling is off (the default). */
export const resolvePortalRateLimit = (value: unknown): ResolvedRateLimit | undefined => {
  if (value === undefined || value === false) return undefined;
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
