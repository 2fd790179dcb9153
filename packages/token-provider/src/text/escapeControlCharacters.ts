/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts escape sequences that set the title,
 * move the cursor or clear the screen; BEL; CR and LF, which start a forged line), DEL, C1 controls (U+009B is
 * a one-character CSI on some terminals), and the bidirectional formatting characters that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` safe to print on a terminal: every control character (see above) becomes a visible escape, `\x1b` for
 * one below U+0100 and `\u202e` above; all other text is kept as it is.
 *
 * Whatever a server or a file supplies (service error messages, device prompt fields, account and role names)
 * goes through this before any sso-kit tool prints it, so that a hostile or broken reply cannot drive the user's
 * terminal or draw lines that look like sso-kit's own.
 */
export const escapeControlCharacters = (text: string): string =>
  text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
