// RFC 3339 date-time: date, `T` (or space / lower-case t), time with optional fraction, then `Z`, an offset,
// or the `UTC` suffix some older tools wrote.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|z|UTC|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 timestamp as written in SSO cache files (`2021-12-25T21:30:00Z`,
 * `2021-12-25T21:30:00.000Z`, `...+01:00`, or the legacy `2021-12-25T21:30:00UTC`).
 *
 * @returns the instant, or `undefined` when the text is not such a timestamp or names an impossible date.
 */
export const parseTimestamp = (text: string): Date | undefined => {
  const match = RFC3339.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const offset = zone === "Z" || zone === "z" || zone === "UTC" ? "Z" : zone;
  // Millisecond precision is all a Date holds; extra digits are dropped, not rounded.
  const millis = fraction === "" ? "" : `.${fraction.slice(1, 4).padEnd(3, "0")}`;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return undefined;
  }
  // `Date` rolls 2021-02-30 over to March; a calendar date that does not exist is an error, not a guess.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59) {
    return undefined;
  }
  return date;
};
