/**
 * The line (from 1) of the setting `key` in the section whose header is on line `headerLine` of an ini file's
 * `text`, or `undefined` when the section does not set it: for messages that point at the line to fix. Only
 * top-level settings count (not the indented ones of a nested block), as the AWS CLI reads them.
 */
export const findSettingLine = (text: string, headerLine: number, key: string): number | undefined => {
  const lines = text.split(/\r?\n/);
  for (let index = headerLine; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim().startsWith("[")) return undefined;
    if (/^\s/.test(line)) continue;
    const match = /^([^=]+)=/.exec(line);
    if (match !== null && (match[1] as string).trim() === key) return index + 1;
  }
  return undefined;
};
