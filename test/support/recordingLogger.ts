import type { Logger } from "@smithy/types";
import { inspect } from "node:util";

/** What {@link recordingLogger} returns. */
export interface RecordingLogger {
  /** The logger to hand to the code under test (or to an SDK client's `logger`). */
  readonly logger: Required<Logger>;
  /** Every entry as its level, a space and its text (`warn could not save ...`), oldest first. */
  readonly lines: string[];
  /** Every entry's text without the level, oldest first. */
  readonly messages: string[];
  /** The text of each `warn` entry, oldest first. */
  readonly warnings: string[];
  /** Forgets what was recorded (for a logger shared by the tests of a file). */
  clear(): void;
}

/**
 * Errors are shown as `util.inspect` shows them (message, stack, properties, causes): JSON would show only their
 * enumerable properties and hide a secret in a message from the scans.
 */
const showErrors = (_key: string, value: unknown): unknown =>
  value instanceof Error ? inspect(value, { depth: 8 }) : value;

/**
 * A logged value as text: a string as is, an error as `util.inspect` shows it, another object as JSON (what specs
 * match on), anything else as `String`.
 */
const textOf = (part: unknown): string => {
  if (typeof part === "string") return part;
  if (part instanceof Error) return inspect(part, { depth: 8 });
  if (typeof part !== "object" || part === null) return String(part);
  try {
    return JSON.stringify(part, showErrors);
  } catch {
    // Circular or holding a bigint: still recorded, in full, to be scanned.
    return inspect(part, { depth: 8 });
  }
};

/**
 * A logger that records, as text, every entry it receives at any level (trace and debug included), to assert on
 * and to scan for secrets. The parts of an entry are joined with spaces.
 */
export const recordingLogger = (): RecordingLogger => {
  const lines: string[] = [];
  const messages: string[] = [];
  const warnings: string[] = [];
  const record =
    (level: keyof Logger) =>
    (...content: unknown[]): void => {
      const message = content.map(textOf).join(" ");
      lines.push(`${level} ${message}`);
      messages.push(message);
      if (level === "warn") warnings.push(message);
    };
  return {
    logger: {
      trace: record("trace"),
      debug: record("debug"),
      info: record("info"),
      warn: record("warn"),
      error: record("error"),
    },
    lines,
    messages,
    warnings,
    clear: () => {
      lines.length = 0;
      messages.length = 0;
      warnings.length = 0;
    },
  };
};
