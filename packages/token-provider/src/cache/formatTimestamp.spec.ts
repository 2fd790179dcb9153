import { formatTimestamp } from "./formatTimestamp.js";

describe("formatTimestamp", () => {
  it("writes whole seconds in UTC with a Z suffix", () => {
    expect(formatTimestamp(new Date(1222173800000))).toBe("2008-09-23T12:43:20Z");
    expect(formatTimestamp(new Date("2026-01-02T03:04:05.000+02:00"))).toBe("2026-01-02T01:04:05Z");
  });

  it("drops milliseconds instead of rounding up", () => {
    expect(formatTimestamp(Date.UTC(2021, 11, 25, 21, 30, 0, 999))).toBe("2021-12-25T21:30:00Z");
    expect(formatTimestamp(new Date("2021-12-25T21:30:00.999Z"))).toBe("2021-12-25T21:30:00Z");
  });

  it("refuses an invalid time", () => {
    expect(() => formatTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
