const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** A text style the CLI uses. */
export type StyleName = keyof typeof CODES;

/** Applies styles to text, or leaves it plain when colour is off. */
export type Style = Record<StyleName, (text: string) => string>;

/**
 * The styles for one output stream: ANSI SGR sequences when `enabled`, the identity otherwise, so that callers
 * never test for colour themselves.
 */
export function createStyle(enabled: boolean): Style {
  const style = {} as Record<StyleName, (text: string) => string>;
  for (const [name, [open, close]] of Object.entries(CODES) as Array<
    [StyleName, readonly [number, number]]
  >) {
    style[name] = enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
  }
  return style;
}
