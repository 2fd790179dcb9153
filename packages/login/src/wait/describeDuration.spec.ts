import { describeDuration } from "./describeDuration.js";

describe("describeDuration", () => {
  it.each([
    [300, "1 s"],
    [1_500, "2 s"],
    [45_000, "45 s"],
    [600_000, "10 min"],
    [5_400_000, "90 min"],
    [7_200_000, "2 h"],
    [9_000_000, "2 h 30 min"],
  ])("%d ms reads %s", (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
