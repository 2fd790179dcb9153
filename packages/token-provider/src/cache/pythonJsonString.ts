/**
 * `value` as a JSON string the way Python's `json.dumps` writes it (with its default `ensure_ascii`): what
 * `JSON.stringify` writes, except that DEL and every UTF-16 code unit above it become `\uXXXX`. The AWS CLI derives
 * cache file names from such JSON, so sso-kit must write it byte for byte to share its caches.
 */
export const pythonJsonString = (value: string): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
