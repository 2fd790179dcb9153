import { OPERATION_NAMES, type OperationName } from "../OperationName.js";
import type { RequestLogEntry } from "./RequestLogEntry.js";

/** The most entries kept; older ones are dropped so a long-running emulator stays small. */
const MAX_ENTRIES = 10_000;

/** Per-operation request counters and the redacted request log. */
export class RequestLog {
  #counts = zeroCounts();
  #entries: RequestLogEntry[] = [];

  /** Counts a request of `operation` as received. */
  count(operation: OperationName): void {
    this.#counts[operation] += 1;
  }

  /** Appends an entry (already redacted). */
  record(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
  }

  /** A copy of the counters: every operation, 0 when none was received. */
  stats(): Record<OperationName, number> {
    return { ...this.#counts };
  }

  /** A copy of the log, oldest first. */
  entries(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** Zeroes the counters and empties the log. */
  reset(): void {
    this.#counts = zeroCounts();
    this.#entries = [];
  }
}

const zeroCounts = (): Record<OperationName, number> =>
  Object.fromEntries(OPERATION_NAMES.map((name) => [name, 0])) as Record<OperationName, number>;
