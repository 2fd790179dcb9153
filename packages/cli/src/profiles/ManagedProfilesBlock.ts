import { CliError } from "../errors/CliError.js";
import { ConfigText } from "./ConfigText.js";

/**
 * The block of a config file that `sso-kit profiles generate` owns for one SSO session, between
 * `# BEGIN sso-kit managed profiles (session X) -- do not edit` and `# END sso-kit managed profiles (session X)`.
 * Everything outside it is never changed: the file's text is handled as bytes (latin1 strings, one character per
 * byte), so that even bytes that are not UTF-8 come back identical.
 */
export class ManagedProfilesBlock {
  private constructor(
    /** The whole file, as a byte string. */
    readonly text: string,
    /** Where the block starts (its BEGIN line), or `undefined` when the file has none yet. */
    readonly start: number | undefined,
    /** Where the block ends (after its END line and line break). */
    readonly end: number | undefined,
    /** The line break the file uses. */
    readonly newline: string,
    private readonly begin: string,
    private readonly finish: string,
  ) {}

  /**
   * Finds the block of session `label` (a byte string) in `text`.
   *
   * @throws CliError (exit 1) naming `file` and the line when a BEGIN line has no END line after it, or the
   *   session has two blocks: the user edited the markers, and guessing could delete their lines.
   */
  static find(text: string, label: string, file: string): ManagedProfilesBlock {
    const begin = `# BEGIN sso-kit managed profiles (session ${label}) -- do not edit`;
    const finish = `# END sso-kit managed profiles (session ${label})`;
    const config = new ConfigText(text);
    const { newline } = config;
    const starts = config.lineStarts((line) => line === begin);
    const lineOf = (offset: number): number => config.lineNumberAt(offset);
    if (starts.length > 1) {
      throw new CliError(
        `${file} has more than one '${begin}' line (lines ${starts.map(lineOf).join(", ")}): keep one block and remove the others.`,
      );
    }
    const start = starts[0];
    if (start === undefined)
      return new ManagedProfilesBlock(text, undefined, undefined, newline, begin, finish);
    const endLine = config.lineStarts((line) => line === finish).find((offset) => offset > start);
    if (endLine === undefined) {
      throw new CliError(
        `${file} line ${lineOf(start)} opens '${begin}' but no '${finish}' line follows: restore it, or remove the block.`,
      );
    }
    const lineEnd = text.indexOf("\n", endLine);
    return new ManagedProfilesBlock(
      text,
      start,
      lineEnd === -1 ? text.length : lineEnd + 1,
      newline,
      begin,
      finish,
    );
  }

  /** The lines between the markers now (without line breaks); empty when there is no block. */
  get lines(): string[] {
    if (this.start === undefined || this.end === undefined) return [];
    const inner = this.text
      .slice(this.start, this.end)
      .replace(/\r?\n$/, "")
      .split(/\r?\n/);
    return inner.slice(1, -1);
  }

  /** The names of the profiles (and `[default]`) defined outside the block, which it must never redefine. */
  profileNamesOutside(): Set<string> {
    const outside =
      this.start === undefined || this.end === undefined
        ? this.text
        : this.text.slice(0, this.start) + this.text.slice(this.end);
    const names = new Set<string>();
    for (const line of outside.split(/\r?\n/)) {
      const match = /^\s*\[\s*([^\]]*?)\s*\]/.exec(line);
      if (match === null) continue;
      const header = match[1] as string;
      if (/^(sso-session|services)\s/.test(header)) continue;
      names.add(Buffer.from(header.replace(/^profile\s+/, ""), "latin1").toString("utf8"));
    }
    return names;
  }

  /**
   * The file with the block's lines replaced by `lines` (byte strings), everything else unchanged. A new block is
   * appended after one blank line (the file's last line gets its missing line break first).
   */
  withLines(lines: readonly string[]): string {
    const config = new ConfigText(this.text);
    const block = [this.begin, ...lines, this.finish];
    if (this.start !== undefined && this.end !== undefined)
      return config.replaced(this.start, this.end, block);
    return config.appended(block);
  }
}
