import { formatJsonForTerminal } from "./formatJsonForTerminal.js";

describe("formatJsonForTerminal", () => {
  it("leaves no control character in the text, and parses back to the same value", () => {
    const value = { accountName: "prod\u001b]0;owned\u0007\r\n\u009b2J\u007f\u202eevil", roles: ["Ädmin"] };
    const text = formatJsonForTerminal(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain("Ädmin");
  });
});
