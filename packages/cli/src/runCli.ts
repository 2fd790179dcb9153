import { CommanderError } from "commander";
import { describeError } from "./errors/describeError.js";
import { ExitCode } from "./ExitCode.js";
import { createCliLogger } from "./logging/createCliLogger.js";
import { redactSecretsInText } from "./logging/redactSecrets.js";
import { Output } from "./output/Output.js";
import type { CliContext } from "./program/CliContext.js";
import type { CliIo } from "./program/CliIo.js";
import { createProgram } from "./program/createProgram.js";

/**
 * Runs `sso-kit` with the user's arguments (without `node` and the script) and returns the exit code, never
 * throwing: failures are printed on stderr as one line (with the stack trace under `--debug`).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<ExitCode> {
  const output = new Output(io.stdout, io.stderr, io.env);
  const signal = io.signal ?? new AbortController().signal;
  let debug = argv.includes("--debug");
  const program = createProgram(io, (command): CliContext => {
    debug = command.optsWithGlobals().debug === true;
    return { output, debug, env: io.env, signal, logger: createCliLogger({ stream: io.stderr, debug }) };
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are how commander stops after printing them.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.Ok;
      if (error.code === "commander.help") return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      return ExitCode.Usage; // commander has already printed the message
    }
    const { exitCode, message } = describeError(error);
    output.stderr.write(`${output.errorStyle.red("sso-kit: error:")} ${message}\n`);
    if (debug && error instanceof Error && error.stack)
      output.stderr.write(`${redactSecretsInText(error.stack)}\n`);
    return exitCode;
  }
}
