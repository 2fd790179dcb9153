import { TokenBucket } from "./TokenBucket.js";

describe("TokenBucket", () => {
  it("allows a burst of its capacity, then refills at its rate on its clock", () => {
    let now = 1_000_000;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 499;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    now += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it("refills nothing when the clock goes back, and fills up on refill()", () => {
    let now = 5_000;
    const bucket = new TokenBucket(1, 1, () => now);
    expect(bucket.take()).toBe(true);
    now -= 10_000;
    expect(bucket.take()).toBe(false);
    now += 999;
    expect(bucket.take()).toBe(false);
    bucket.refill();
    expect(bucket.take()).toBe(true);
  });
});
