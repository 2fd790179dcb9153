/** What `JSON.stringify` leaves as it is but a terminal acts on: DEL, C1 controls, bidirectional formatting. */
const UNESCAPED_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as indented JSON that is safe on a terminal and means the same to a JSON parser: `JSON.stringify`
 * escapes C0 controls (ESC, BEL, CR, LF) in strings, and the controls it leaves (see above) are written as
 * `\u` escapes too. For results that hold server text (account and role names).
 */
export function formatJsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNESCAPED_CONTROLS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
