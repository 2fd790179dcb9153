/**
 * `date` as ISO 8601 UTC to the second (`2021-12-25T21:30:00Z`), the form the AWS CLI writes in its caches and
 * `credential_process` consumers parse. Milliseconds are dropped (rounded down), so the stated expiry is never
 * later than the real one.
 */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
