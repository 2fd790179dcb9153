import type { Logger } from "@smithy/types";
import type { Output } from "../output/Output.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";

/** What every command runs with. */
export interface CliContext {
  /** stdout for results, stderr for messages. */
  readonly output: Output;
  /** Where questions are answered (`configure`): a terminal, or lines from a pipe or file. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** The environment the CLI runs in (`NO_COLOR`, `TERM` for the prompts). */
  readonly env: NodeJS.ProcessEnv;
  /** Handed to the SSO packages; debug lines only with `--debug`, secrets always redacted. */
  readonly logger: Logger;
  /**
   * The secrets the run holds: commands add what they read or fetch (access token, role credentials), and the
   * logger and the final error message redact them.
   */
  readonly secrets: KnownSecrets;
  /** Fires when the user interrupts (Ctrl-C): long waits (sign-in, the emulator) end on it. */
  readonly signal: AbortSignal;
  /**
   * Sets the exit code of a command that completes without an error but must not end with 0: `exec` ends with
   * its command's exit code.
   */
  readonly setExitCode: (code: number) => void;
}

/** Builds the context for the command being run, from its options and the global ones (`--debug`). */
export type CliContextFactory = (command: { optsWithGlobals(): Record<string, unknown> }) => CliContext;
