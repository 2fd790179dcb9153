import { diffLines } from "./diffLines.js";

describe("diffLines", () => {
  it("is empty for equal lines", () => {
    expect(diffLines(["a", "b"], ["a", "b"])).toEqual([]);
  });

  it("marks removed lines with - and added lines with +, keeping order", () => {
    expect(diffLines(["a", "b", "c", "d"], ["a", "c", "x", "d", "e"])).toEqual(["-b", "+x", "+e"]);
  });

  it("handles empty sides", () => {
    expect(diffLines([], ["a"])).toEqual(["+a"]);
    expect(diffLines(["a"], [])).toEqual(["-a"]);
  });
});
