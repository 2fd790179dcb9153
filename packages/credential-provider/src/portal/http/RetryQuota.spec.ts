import { RetryQuota } from "./RetryQuota.js";

test("500 tokens: 35 retries after transient failures, then none", () => {
  const quota = new RetryQuota();
  const costs = Array.from({ length: 36 }, () => quota.take("TRANSIENT"));
  expect(costs.slice(0, 35)).toEqual(Array(35).fill(14));
  expect(costs[35]).toBeUndefined();
  // 10 tokens left: enough for two retries after throttling, which cost 5.
  expect([quota.take("THROTTLING"), quota.take("THROTTLING"), quota.take("THROTTLING")]).toEqual([
    5,
    5,
    undefined,
  ]);
});

test("a success refunds its last retry's cost, or 1 token, up to 500", () => {
  const quota = new RetryQuota();
  for (let i = 0; i < 35; i += 1) quota.take("TRANSIENT");
  expect(quota.take("TRANSIENT")).toBeUndefined(); // 10 left
  quota.recordSuccess(14); // 24
  expect(quota.take("TRANSIENT")).toBe(14); // 10
  for (let i = 0; i < 3; i += 1) quota.recordSuccess(undefined); // 13
  expect(quota.take("TRANSIENT")).toBeUndefined();
  quota.recordSuccess(undefined); // 14
  expect(quota.take("TRANSIENT")).toBe(14);

  const full = new RetryQuota();
  full.recordSuccess(14);
  expect(
    Array.from({ length: 36 }, () => full.take("TRANSIENT")).filter((cost) => cost !== undefined),
  ).toHaveLength(35);
});
