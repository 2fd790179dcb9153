import { shouldUseColor } from "./shouldUseColor.js";
import type { Style } from "./Style.js";
import { createStyle } from "./Style.js";

/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or anything with `write` (tests). */
export interface OutputStream {
  write(chunk: string): unknown;
  /** Set by node on terminal streams. */
  readonly isTTY?: boolean;
}

/**
 * Where a command's output goes. Results go to stdout (they may be piped into other programs); messages,
 * progress and errors go to stderr. Each stream is coloured only when {@link shouldUseColor} says so.
 */
export class Output {
  /** Styles for stdout text. */
  readonly style: Style;
  /** Styles for stderr text. */
  readonly errorStyle: Style;

  constructor(
    readonly stdout: OutputStream,
    readonly stderr: OutputStream,
    env: NodeJS.ProcessEnv,
  ) {
    this.style = createStyle(shouldUseColor(stdout, env));
    this.errorStyle = createStyle(shouldUseColor(stderr, env));
  }

  /** Writes one line (or several joined by newlines) to stdout. */
  print(...lines: string[]): void {
    this.stdout.write(lines.map((line) => `${line}\n`).join(""));
  }

  /** Writes one line to stderr: a message for the user, not a result. */
  info(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  /** Whether stderr is a terminal, where in-place progress lines make sense. */
  get interactive(): boolean {
    return this.stderr.isTTY === true;
  }
}
