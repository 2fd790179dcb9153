import { formatExpiresAt } from "./formatExpiresAt.js";

describe("formatExpiresAt", () => {
  it("writes whole seconds in UTC with a Z suffix", () => {
    expect(formatExpiresAt(Date.UTC(2021, 11, 25, 21, 30, 0, 999))).toBe("2021-12-25T21:30:00Z");
    expect(formatExpiresAt(new Date("2026-01-02T03:04:05.000+02:00"))).toBe("2026-01-02T01:04:05Z");
  });

  it("refuses an invalid time", () => {
    expect(() => formatExpiresAt(Number.NaN)).toThrow(RangeError);
  });
});
