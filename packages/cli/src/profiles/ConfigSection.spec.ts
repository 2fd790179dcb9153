import { CliError } from "../errors/CliError.js";
import { ConfigSection } from "./ConfigSection.js";

const FILE = "/home/me/.aws/config";
const profile = (name: string) => ({ kind: "profile" as const, name });
const session = (name: string) => ({ kind: "sso-session" as const, name });

describe("ConfigSection", () => {
  const text = [
    "# top comment",
    "[default]",
    "region = eu-west-1",
    "",
    "[ profile   dev ] ; mine",
    "sso_session = a",
    "# between keys",
    "sso_role_name = Old",
    "",
    "# about the next section",
    "[sso-session a]",
    "sso_region = us-east-1",
  ].join("\n");

  it("replaces a section from its header to its last key line, keeping the comments that follow it", () => {
    const found = ConfigSection.find(text, profile("dev"), FILE);
    expect(found.line).toBe(5);
    expect(found.withLines(["[profile dev]", "sso_role_name = New"])).toBe(
      [
        "# top comment",
        "[default]",
        "region = eu-west-1",
        "",
        "[profile dev]",
        "sso_role_name = New",
        "",
        "# about the next section",
        "[sso-session a]",
        "sso_region = us-east-1",
      ].join("\n"),
    );
  });

  it("replaces the last section of a file that has no final line break, adding one", () => {
    expect(ConfigSection.find(text, session("a"), FILE).withLines(["[sso-session a]", "x = 1"])).toBe(
      `${text.slice(0, text.indexOf("[sso-session a]"))}[sso-session a]\nx = 1\n`,
    );
  });

  it("appends a missing section after a blank line, in the file's line breaks, every other byte as it was", () => {
    const crlf = "# caf\xc3\xa9\r\n[profile x]\r\nregion = eu-west-1";
    const found = ConfigSection.find(crlf, profile("new"), FILE);
    expect(found.exists).toBe(false);
    expect(found.withLines(["[profile new]", "a = b"])).toBe(`${crlf}\r\n\r\n[profile new]\r\na = b\r\n`);
    expect(ConfigSection.find("", profile("new"), FILE).withLines(["[profile new]"])).toBe("[profile new]\n");
  });

  it("finds [default] as the profile 'default', and sessions only as sessions", () => {
    expect(ConfigSection.find(text, profile("default"), FILE).line).toBe(2);
    expect(ConfigSection.find(text, profile("a"), FILE).exists).toBe(false);
    expect(ConfigSection.find(text, session("dev"), FILE).exists).toBe(false);
  });

  it("refuses a section defined twice, naming the file and lines", () => {
    const twice = `${text}\n[profile dev]\nregion = x\n`;
    expect(() => ConfigSection.find(twice, profile("dev"), FILE)).toThrow(
      new CliError(
        `${FILE} defines [profile dev] more than once (lines 5, 13): keep one and remove the others.`,
      ),
    );
  });
});
