import { CliError } from "../errors/CliError.js";
import { ConfigText } from "./ConfigText.js";

/** Which section: `[profile NAME]` (`[default]` too for `default`) or `[sso-session NAME]`. */
export interface SectionName {
  readonly kind: "profile" | "sso-session";
  /** The name, as UTF-8 text. */
  readonly name: string;
}

/**
 * One section of a config file, found by its header line, and the file with that section replaced or added.
 * The section is its header and the lines up to its last key line before the next header: blank lines and
 * comments after it (which usually introduce the next section) stay where they are. Everything outside it is
 * kept byte for byte (see {@link ConfigText}).
 */
export class ConfigSection {
  private constructor(
    private readonly config: ConfigText,
    /** Where the header line starts, `undefined` when the file has no such section. */
    readonly start: number | undefined,
    /** Where the section ends: after the line break of its last key line (or of its header). */
    readonly end: number | undefined,
  ) {}

  /**
   * Finds `section` in `text` (a byte string).
   *
   * @throws CliError (exit 1) naming `file` and the lines when the section appears more than once: the SDKs
   *   merge such sections, and replacing one of them would not change what they read.
   */
  static find(text: string, section: SectionName, file: string): ConfigSection {
    const config = new ConfigText(text);
    const name = Buffer.from(section.name, "utf8").toString("latin1");
    const headers = config.lineStarts((line) => headerName(line) === `${section.kind} ${name}`);
    if (section.kind === "profile" && section.name === "default") {
      headers.push(...config.lineStarts((line) => headerName(line) === "default"));
      headers.sort((a, b) => a - b);
    }
    if (headers.length > 1) {
      throw new CliError(
        `${file} defines ${ConfigSection.label(section)} more than once (lines ${headers.map((offset) => config.lineNumberAt(offset)).join(", ")}): keep one and remove the others.`,
      );
    }
    const start = headers[0];
    if (start === undefined) return new ConfigSection(config, undefined, undefined);
    let end = start;
    for (const { start: lineStart, end: lineEnd, line } of config.linesFrom(start)) {
      if (lineStart !== start && /^\s*\[/.test(line)) break;
      if (!/^\s*([#;].*)?$/.test(line)) end = lineEnd;
    }
    return new ConfigSection(config, start, end);
  }

  /** The header of `section`: `[profile x]` or `[sso-session x]`. */
  static label(section: SectionName): string {
    return `[${section.kind} ${section.name}]`;
  }

  /** Whether the file has the section. */
  get exists(): boolean {
    return this.start !== undefined;
  }

  /** The 1-based line of the section's header, for messages. */
  get line(): number | undefined {
    return this.start === undefined ? undefined : this.config.lineNumberAt(this.start);
  }

  /**
   * The file with the section's lines replaced by `lines` (byte strings, header first), or with them appended
   * after a blank line when the file has no such section.
   */
  withLines(lines: readonly string[]): string {
    if (this.start === undefined || this.end === undefined) return this.config.appended(lines);
    return this.config.replaced(this.start, this.end, lines);
  }
}

/** `profile x`, `sso-session x`, `default`... of a header line `[ profile  x ]` (spaces collapsed), else undefined. */
function headerName(line: string): string | undefined {
  const match = /^\s*\[\s*([^\]]*?)\s*\]\s*([#;].*)?$/.exec(line);
  return match === null ? undefined : (match[1] as string).replace(/\s+/g, " ");
}
