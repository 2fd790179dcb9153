import { formatDuration } from "./formatDuration.js";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [-5000, "0 s"],
    [999, "0 s"],
    [42_000, "42 s"],
    [60_000, "1 min"],
    [250_000, "4 min 10 s"],
    [3_600_000, "1 h"],
    [3_930_000, "1 h 5 min"],
    [8 * 3_600_000 + 59_999, "8 h"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
