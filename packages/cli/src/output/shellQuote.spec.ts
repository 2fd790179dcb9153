import { execFileSync } from "node:child_process";
import { shellQuote } from "./shellQuote.js";

describe("shellQuote", () => {
  it("leaves base64-like values as they are", () => {
    expect(shellQuote("IQoJb3JpZ2luX2VjE/+abc==")).toBe("IQoJb3JpZ2luX2VjE/+abc==");
  });

  it("quotes anything a shell would interpret", () => {
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });

  it("round-trips through a real shell", () => {
    for (const value of ["plain", "a b", "it's", "$(echo no)", "`x`", "a\nb", "*"]) {
      expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(value)}`], { encoding: "utf8" })).toBe(value);
    }
  });
});
