import { MAX_RETRY_DELAY_MS, retryDelay } from "./retryDelay.js";

/** Many draws of one delay: all whole numbers in [0, bound), and not all the same (jitter). */
const draws = (draw: () => number) => Array.from({ length: 200 }, draw);

test.each<[string, "THROTTLING" | "TRANSIENT", number, number]>([
  ["first retry after a transient failure", "TRANSIENT", 0, 50],
  ["second retry after a transient failure", "TRANSIENT", 1, 100],
  ["first retry after throttling", "THROTTLING", 0, 1_000],
  ["second retry after throttling", "THROTTLING", 1, 2_000],
  ["a late retry, capped at 20 s", "THROTTLING", 10, MAX_RETRY_DELAY_MS],
])("%s: full jitter below %#", (_, type, retriesSoFar, bound) => {
  const delays = draws(() => retryDelay(type, retriesSoFar, undefined));
  for (const delay of delays) {
    expect(Number.isInteger(delay)).toBe(true);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(bound);
  }
  expect(new Set(delays).size).toBeGreaterThan(1);
});

test("a server's Retry-After lengthens the wait, by 5 s beyond the backoff at most", () => {
  for (const delay of draws(() => retryDelay("TRANSIENT", 0, 2_000))) expect(delay).toBe(2_000);
  for (const delay of draws(() => retryDelay("TRANSIENT", 0, 60_000))) {
    expect(delay).toBeGreaterThanOrEqual(5_000);
    expect(delay).toBeLessThan(5_050);
  }
  for (const delay of draws(() => retryDelay("TRANSIENT", 0, -10))) expect(delay).toBeLessThan(50);
});
