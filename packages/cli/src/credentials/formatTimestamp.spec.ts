import { formatTimestamp } from "./formatTimestamp.js";

describe("formatTimestamp", () => {
  it("writes UTC to the second with a Z suffix", () => {
    expect(formatTimestamp(new Date(1222173800000))).toBe("2008-09-23T12:43:20Z");
  });

  it("drops milliseconds instead of rounding up", () => {
    expect(formatTimestamp(new Date("2021-12-25T21:30:00.999Z"))).toBe("2021-12-25T21:30:00Z");
  });
});
