import { createStyle } from "./Style.js";

describe("createStyle", () => {
  it("wraps text in ANSI sequences when enabled", () => {
    expect(createStyle(true).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(createStyle(true).bold("x")).toBe("\u001b[1mx\u001b[22m");
  });

  it("leaves text alone when disabled", () => {
    const style = createStyle(false);
    expect(style.red("x")).toBe("x");
    expect(style.bold("x")).toBe("x");
  });
});
