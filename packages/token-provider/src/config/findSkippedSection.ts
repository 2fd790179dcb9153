/** Where a section header the SDK's loader skipped is. */
export interface SkippedSection {
  /** The file it is in. */
  readonly file: string;
  /** Its line number, from 1. */
  readonly line: number;
  /** The header as written, e.g. `[sso-session a#b]`. */
  readonly header: string;
  /**
   * Whether the AWS SDK for JavaScript accepts the header's name: when it does, the section was not skipped for
   * its name but is empty (the loader keeps no section without a setting).
   */
  readonly nameAccepted: boolean;
}

/** What the SDK's loader takes after a `profile` / `sso-session` prefix: one space, then these (quotes allowed). */
const ACCEPTED_AFTER_PREFIX = /^\S+\s(["']?)[\w\-@+.%:/]+\1$/;

/**
 * Looks in a config or credentials file's text for the header of a section the AWS SDK for JavaScript's loader
 * skipped: its name has characters the SDK does not accept (`#`, `]`, `=`, non-ASCII letters, inner or outer
 * spaces...) although the AWS CLI accepts it. `prefix` is `sso-session`, `services` or `profile` (a config file's named
 * sections), or `undefined` for a bare `[name]` (credentials file, or `[default]`). The name is compared as the
 * AWS CLI reads it: trimmed, without quotes. Only called once a section was not found, so it costs nothing on
 * the common path.
 */
export const findSkippedSection = (
  text: string,
  file: string,
  prefix: "sso-session" | "services" | "profile" | undefined,
  name: string,
): SkippedSection | undefined => {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const header = (lines[index] as string).trim();
    if (!header.startsWith("[") || !header.endsWith("]")) continue;
    const inner = header.slice(1, -1).trim();
    let candidate: string;
    if (prefix === undefined) {
      candidate = inner;
    } else {
      const match = /^(\S+)\s+([\s\S]*)$/.exec(inner);
      if (match === null || match[1] !== prefix) continue;
      candidate = match[2] as string;
    }
    if (unquoted(candidate.trim()) !== name) continue;
    const nameAccepted =
      prefix === undefined ? inner === header.slice(1, -1) : ACCEPTED_AFTER_PREFIX.test(header.slice(1, -1));
    return { file, line: index + 1, header, nameAccepted };
  }
  return undefined;
};

const unquoted = (text: string): string => text.replace(/^(["'])([\s\S]*)\1$/, "$2");
