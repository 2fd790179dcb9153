import { shouldUseColor } from "./shouldUseColor.js";

describe("shouldUseColor", () => {
  it("colours a terminal", () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
  });

  it("never colours a pipe or a file", () => {
    expect(shouldUseColor({}, {})).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
  });

  it("respects NO_COLOR when it has a value, as no-color.org defines it", () => {
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: "0" })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
  });

  it("does not colour a dumb terminal", () => {
    expect(shouldUseColor({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });
});
