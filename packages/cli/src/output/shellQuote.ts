const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * `value` as one POSIX shell word: unchanged when it holds only characters no shell treats specially, otherwise
 * in single quotes (an embedded `'` written as `'\''`).
 */
export function shellQuote(value: string): string {
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
