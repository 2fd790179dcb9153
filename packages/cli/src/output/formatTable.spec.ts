import { formatTable } from "./formatTable.js";

describe("formatTable", () => {
  it("pads each column to its widest cell", () => {
    expect(
      formatTable(
        ["ACCOUNT", "ROLE"],
        [
          ["111111111111", "Admin"],
          ["2", "ReadOnlyAccess"],
        ],
      ),
    ).toEqual(["ACCOUNT       ROLE", "111111111111  Admin", "2             ReadOnlyAccess"]);
  });

  it("prints only the header for no rows", () => {
    expect(formatTable(["A", "B"], [])).toEqual(["A  B"]);
  });

  it("styles the header without breaking the alignment", () => {
    const [header, row] = formatTable(["A", "B"], [["long", "x"]], (text) => `<${text}>`);
    expect(header).toBe("<A     B>");
    expect(row).toBe("long  x");
  });

  it("leaves no trailing spaces when the last cell is empty", () => {
    expect(formatTable(["A", "B"], [["x", ""]])).toEqual(["A  B", "x"]);
  });
});
