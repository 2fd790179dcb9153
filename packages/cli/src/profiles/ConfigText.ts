/**
 * The text of a config file as bytes (a latin1 string, one character per byte), so that every byte an edit does
 * not replace comes back identical, even bytes that are not UTF-8. The one place that finds lines in, replaces
 * ranges of, and appends to a config file: the managed profiles block (`profiles generate`) and the sections
 * `configure` writes are both edited through it.
 */
export class ConfigText {
  /** The line break the file uses (that of its first line; `\n` for an empty file). */
  readonly newline: string;

  constructor(
    /** The whole file, as a byte string. */
    readonly text: string,
  ) {
    this.newline = /\r\n/.test(text.slice(0, text.indexOf("\n") + 1)) ? "\r\n" : "\n";
  }

  /** Offsets of the lines (without their line break or a trailing `\r`) that `matches` accepts. */
  lineStarts(matches: (line: string) => boolean): number[] {
    const found: number[] = [];
    for (const { start, line } of this.linesFrom(0)) if (matches(line)) found.push(start);
    return found;
  }

  /** The lines from `offset` (a line start) on: where each starts and ends (after its line break), and its text. */
  *linesFrom(offset: number): Generator<{ start: number; end: number; line: string }> {
    const { text } = this;
    while (offset <= text.length) {
      const next = text.indexOf("\n", offset);
      const end = next === -1 ? text.length : next + 1;
      if (next === -1 && offset === text.length) return;
      yield { start: offset, end, line: text.slice(offset, next === -1 ? end : next).replace(/\r$/, "") };
      offset = end;
    }
  }

  /** The 1-based line number at `offset`, for messages. */
  lineNumberAt(offset: number): number {
    return this.text.slice(0, offset).split("\n").length;
  }

  /** The text with `[start, end)` replaced by `lines` (byte strings), each ended by the file's line break. */
  replaced(start: number, end: number, lines: readonly string[]): string {
    return this.text.slice(0, start) + this.joined(lines) + this.text.slice(end);
  }

  /**
   * The text with `lines` appended after one blank line (the file's last line gets its missing line break
   * first); just `lines` in an empty file.
   */
  appended(lines: readonly string[]): string {
    if (this.text === "") return this.joined(lines);
    const ended = /\n$/.test(this.text) ? this.text : this.text + this.newline;
    return ended + this.newline + this.joined(lines);
  }

  private joined(lines: readonly string[]): string {
    return lines.map((line) => line + this.newline).join("");
  }
}
