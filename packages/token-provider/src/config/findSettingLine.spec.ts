import { findSettingLine } from "./findSettingLine.js";

describe("findSettingLine", () => {
  const text = [
    "[profile a]",
    "region = eu-west-1",
    "s3 =",
    "  services = nested",
    "services = a-endpoints",
    "[profile b]",
    "services=b-endpoints",
  ].join("\r\n");

  it("finds a top-level setting of the section whose header is on the given line", () => {
    expect(findSettingLine(text, 1, "services")).toBe(5);
    expect(findSettingLine(text, 6, "services")).toBe(7);
  });

  it("stops at the next section, and skips nested settings", () => {
    expect(findSettingLine(text, 1, "endpoint_url")).toBeUndefined();
    expect(
      findSettingLine(
        ["[profile a]", "  services = nested", "[profile b]", "services = b"].join("\n"),
        1,
        "services",
      ),
    ).toBeUndefined();
  });
});
