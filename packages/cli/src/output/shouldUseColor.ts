/** What {@link shouldUseColor} looks at: the stream written to and the environment. */
export interface ColorTarget {
  /** True when the stream is a terminal (node sets `isTTY` on TTY streams only). */
  readonly isTTY?: boolean;
}

/**
 * Whether to colour what goes to `stream`: only on a terminal, never when `NO_COLOR` is set to a non-empty value
 * (https://no-color.org) or `TERM` is `dumb`. Output piped to a file or another program stays plain text.
 */
export function shouldUseColor(stream: ColorTarget, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
