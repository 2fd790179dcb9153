/**
 * Lays `rows` out as a plain-text table under `headers`, columns padded to their widest cell and separated by two
 * spaces, with no trailing spaces. `styleHeader` styles the header line (padding is computed on the plain text).
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  styleHeader: (text: string) => string = (text) => text,
): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const layout = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [styleHeader(layout(headers)), ...rows.map(layout)];
}
