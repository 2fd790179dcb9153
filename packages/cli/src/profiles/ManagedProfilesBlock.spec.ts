import { ManagedProfilesBlock } from "./ManagedProfilesBlock.js";

const BEGIN = "# BEGIN sso-kit managed profiles (session s) -- do not edit";
const END = "# END sso-kit managed profiles (session s)";

describe("ManagedProfilesBlock", () => {
  it("appends a new block after one blank line, adding the last line's missing line break", () => {
    const block = ManagedProfilesBlock.find("[default]\nregion = x", "s", "config");
    expect(block.lines).toEqual([]);
    expect(block.withLines(["[profile a]"])).toBe(`[default]\nregion = x\n\n${BEGIN}\n[profile a]\n${END}\n`);
  });

  it("replaces only the block, keeping CRLF line breaks and everything around it", () => {
    const text = `a\r\n${BEGIN}\r\n[profile old]\r\n${END}\r\nb\r\n`;
    const block = ManagedProfilesBlock.find(text, "s", "config");
    expect(block.lines).toEqual(["[profile old]"]);
    expect(block.withLines(["[profile new]"])).toBe(`a\r\n${BEGIN}\r\n[profile new]\r\n${END}\r\nb\r\n`);
  });

  it("ignores the blocks of other sessions and lists the profile names outside this block", () => {
    const other = BEGIN.replace("(session s)", "(session t)");
    const text = `[default]\n[profile  mine ]\n[sso-session s]\n${other}\n[profile t1]\n${END.replace("(session s)", "(session t)")}\n${BEGIN}\n[profile ours]\n${END}\n`;
    const block = ManagedProfilesBlock.find(text, "s", "config");
    expect([...block.profileNamesOutside()].sort()).toEqual(["default", "mine", "t1"]);
  });

  it("refuses a BEGIN line without its END line, naming the file and line", () => {
    expect(() => ManagedProfilesBlock.find(`x\n${BEGIN}\n[profile a]\n`, "s", "/home/u/.aws/config")).toThrow(
      /\/home\/u\/\.aws\/config line 2 opens/,
    );
  });

  it("refuses two blocks of one session", () => {
    expect(() => ManagedProfilesBlock.find(`${BEGIN}\n${END}\n${BEGIN}\n${END}\n`, "s", "config")).toThrow(
      /more than one .* \(lines 1, 3\)/,
    );
  });
});
