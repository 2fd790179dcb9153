import type { Logger } from "@smithy/types";

/** What {@link recordingLogger} returns. */
export interface RecordingLogger {
  logger: Logger;
  /** Every message logged, at any level, oldest first. */
  lines: string[];
  /** The messages logged with `warn`, oldest first. */
  warnings: string[];
  /** Forgets what was recorded (for a logger shared by the tests of a file). */
  clear(): void;
}

/** A logger that records the messages it receives, to assert on them and to scan them for secrets. */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const warnings: string[] = [];
  const record = (message: string) => void lines.push(message);
  return {
    logger: {
      debug: record,
      info: record,
      warn: (message: string) => {
        lines.push(message);
        warnings.push(message);
      },
      error: record,
    },
    lines,
    warnings,
    clear: () => {
      lines.length = 0;
      warnings.length = 0;
    },
  };
}
