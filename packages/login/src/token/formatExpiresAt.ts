/**
 * A time as the AWS CLI writes it in `~/.aws/sso/cache`: `YYYY-MM-DDTHH:MM:SSZ` in UTC, fractions of a
 * second dropped (as Python's `strftime` drops them).
 */
export function formatExpiresAt(time: Date | number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) throw new RangeError("formatExpiresAt: invalid time");
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
