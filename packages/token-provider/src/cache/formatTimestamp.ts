/**
 * A time as the AWS CLI writes it in its caches (`~/.aws/sso/cache`, `~/.aws/cli/cache`) and
 * `credential_process` consumers parse: ISO 8601 UTC to the second (`2021-12-25T21:30:00Z`). Milliseconds are
 * dropped, as Python's `strftime` drops them, so a stated expiry is never later than the real one.
 */
export const formatTimestamp = (time: Date | number): string => {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) throw new RangeError("formatTimestamp: invalid time");
  return `${date.toISOString().slice(0, 19)}Z`;
};
