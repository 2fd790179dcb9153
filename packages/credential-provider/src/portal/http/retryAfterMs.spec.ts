import { retryAfterMs } from "./retryAfterMs.js";

test.each<[Record<string, string>, number | undefined]>([
  [{}, undefined],
  [{ "retry-after": "3" }, 3_000],
  [{ "retry-after": "1.5" }, 1_500],
  [{ "x-amz-retry-after": "250" }, 250],
  [{ "x-amz-retry-after": "250", "retry-after": "9" }, 250],
  [{ "x-amz-retry-after": "soon" }, undefined],
  [{ "retry-after": "whenever" }, undefined],
])("%j → %s", (headers, ms) => {
  expect(retryAfterMs(headers)).toBe(ms);
});

test("an HTTP date: the time until then", () => {
  const ms = retryAfterMs({ "retry-after": new Date(Date.now() + 60_000).toUTCString() });
  expect(ms).toBeGreaterThan(55_000);
  expect(ms).toBeLessThanOrEqual(60_000);
});
