/**
 * Scenario times, rebased onto the real clock. Scenarios fix a `currentTime` (e.g. 2008) and describe other times
 * either absolutely (shifted by `Date.now() - currentTime`) or relative to "now" in the words of the SDK test they
 * come from (`now+24h`, `int((now+24h).timestamp()*1000)`, `(now-5s).toEpochMilli()`, `Date.now()`).
 */
export interface ScenarioClock {
  /** The real time the scenario's `currentTime` maps to. */
  now: number;
  /** Added to every absolute scenario time. */
  shift: number;
}

export const scenarioClock = (currentTime: string | null | undefined): ScenarioClock => {
  const now = Date.now();
  if (currentTime === null || currentTime === undefined || currentTime.startsWith("now")) {
    return { now, shift: 0 };
  }
  const base = Date.parse(currentTime);
  if (Number.isNaN(base)) throw new Error(`unreadable currentTime ${currentTime}`);
  return { now, shift: now - base };
};

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const RELATIVE = /now\s*([+-])\s*(\d+)\s*(ms|s|m|h)\b/;

/** The epoch milliseconds a scenario time stands for, or `undefined` when it is not a time at all. */
export const scenarioMillis = (value: unknown, clock: ScenarioClock): number | undefined => {
  if (typeof value === "number") return value + clock.shift;
  if (typeof value !== "string" || value === "") return undefined;
  if (value.includes("some_future_time")) return clock.now + 24 * 3_600_000;
  const relative = RELATIVE.exec(value);
  if (relative !== null) {
    const [, sign, amount, unit] = relative;
    return clock.now + (sign === "-" ? -1 : 1) * Number(amount) * (UNIT_MS[unit ?? "ms"] ?? 1);
  }
  if (value === "Date.now()") return clock.now;
  if (value.startsWith("now")) {
    return value.includes("truncated to the second") ? Math.floor(clock.now / 1000) * 1000 : clock.now;
  }
  const absolute = Date.parse(value.replace(/UTC$/, "Z"));
  return Number.isNaN(absolute) ? undefined : absolute + clock.shift;
};

/** A cache-file timestamp for `millis`, in the style the scenario describes (botocore's `UTC` suffix included). */
export const cacheTimestamp = (millis: number, described: string): string => {
  const iso = new Date(millis).toISOString();
  const seconds = iso.replace(/\.\d{3}Z$/, "Z");
  return described.includes("UTC") ? seconds.replace(/Z$/, "UTC") : seconds;
};
