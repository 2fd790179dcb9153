import type { OutputStream } from "../output/Output.js";

/** The process around a CLI run: its streams, environment and interruption. */
export interface CliIo {
  /** Results (credentials, tables, JSON). */
  readonly stdout: OutputStream;
  /** Messages, progress, warnings and errors. */
  readonly stderr: OutputStream;
  /** Answers to `configure`'s questions: a terminal, or lines from a pipe or file [process.stdin]. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Environment variables [process.env]. */
  readonly env: NodeJS.ProcessEnv;
  /** Aborted when the user interrupts (the bin wires it to SIGINT/SIGTERM) [never]. */
  readonly signal?: AbortSignal | undefined;
}
