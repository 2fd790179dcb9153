import { formatJsonForTerminal } from "./formatJsonForTerminal.js";
import { TERMINAL_CONTROLS } from "../../../../test/support/terminalControls.js";

describe("formatJsonForTerminal", () => {
  it("leaves no control character in the text, and parses back to the same value", () => {
    const value = { accountName: "prod\u001b]0;owned\u0007\r\n\u009b2J\u007f\u202eevil", roles: ["Ädmin"] };
    const text = formatJsonForTerminal(value);
    expect(text).not.toMatch(TERMINAL_CONTROLS);
    expect(text).not.toContain("\u202e");
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain("Ädmin");
  });
});
