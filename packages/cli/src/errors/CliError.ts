import { ExitCode } from "../ExitCode.js";

/**
 * An error the CLI raises itself, carrying the exit code it ends with. Its message is one line the user can act
 * on, and never holds a secret.
 */
export class CliError extends Error {
  override readonly name = "CliError";

  /**
   * @param message - what went wrong and what to do about it, in one line.
   * @param exitCode - the process exit code this error ends the command with.
   */
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Failure,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
