import { pythonJsonString } from "@sso-kit/token-provider/internal";

/**
 * `fields` as Python's `json.dumps(fields, sort_keys=True)` writes them: keys sorted, non-ASCII escaped as `\uXXXX`,
 * and `", "` / `": "` between items (`compact`: `","` / `":"`, as with `separators=(",", ":")`). The AWS CLI names
 * its cache files after the SHA-1 of such JSON, so it must match byte for byte.
 */
export function pythonSortedJson(
  fields: Readonly<Record<string, string | number>>,
  compact: boolean,
): string {
  const [item, pair] = compact ? [",", ":"] : [", ", ": "];
  const entries = Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = entries.map(
    ([key, value]) =>
      `${pythonJsonString(key)}${pair}${typeof value === "number" ? String(value) : pythonJsonString(value)}`,
  );
  return `{${text.join(item)}}`;
}
