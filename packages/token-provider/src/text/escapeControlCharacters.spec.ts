import { escapeControlCharacters } from "./escapeControlCharacters.js";

describe("escapeControlCharacters", () => {
  it("makes terminal escape sequences, BEL, CR and LF visible", () => {
    expect(escapeControlCharacters("\u001b]0;owned\u0007\u001b[2J\r\nsso-kit: signed in OK")).toBe(
      "\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x0asso-kit: signed in OK",
    );
  });

  it("escapes every C0 control, DEL and every C1 control", () => {
    for (let code = 0; code < 0xa0; code++) {
      if (code >= 0x20 && code < 0x7f) continue;
      expect(escapeControlCharacters(String.fromCharCode(code))).toMatch(/^\\x[0-9a-f]{2}$/);
    }
  });

  it("escapes bidirectional overrides, which reorder what the terminal shows", () => {
    expect(escapeControlCharacters("role\u202eevil")).toBe("role\\u202eevil");
  });

  it("keeps printable text, tabs excepted, including non-ASCII letters", () => {
    expect(escapeControlCharacters("Zürich-Admin 開発 ok")).toBe("Zürich-Admin 開発 ok");
    expect(escapeControlCharacters("a\tb")).toBe("a\\x09b");
  });
});
