import { CommanderError } from "commander";
import type { Logger } from "@smithy/types";
import { describeCommandFailure } from "./errors/describeCommandFailure.js";
import { ExitCode } from "./ExitCode.js";
import { createCliLogger } from "./logging/createCliLogger.js";
import { Output } from "./output/Output.js";
import type { CliContext } from "./program/CliContext.js";
import type { CliIo } from "./program/CliIo.js";
import { createProgram } from "./program/createProgram.js";
import { KnownSecrets } from "./secrets/KnownSecrets.js";

/**
 * Runs `sso-kit` with the user's arguments (without `node` and the script) and returns the exit code, never
 * throwing: failures are printed on stderr as one line (with the stack trace under `--debug`). The code is one
 * of {@link ExitCode}, except for `sso-kit exec`, which ends with its command's own exit code.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<ExitCode | number> {
  const output = new Output(io.stdout, io.stderr, io.env);
  const signal = io.signal ?? new AbortController().signal;
  const secrets = new KnownSecrets();
  let completedWith: number = ExitCode.Ok;
  const setExitCode = (code: number): void => {
    completedWith = code;
  };
  let logger: Logger = createCliLogger({ stream: io.stderr, debug: argv.includes("--debug"), secrets });
  const program = createProgram(io, (command): CliContext => {
    const debug = command.optsWithGlobals().debug === true;
    logger = createCliLogger({ stream: io.stderr, debug, secrets });
    return { output, stdin: io.stdin ?? process.stdin, env: io.env, signal, logger, secrets, setExitCode };
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return completedWith;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are how commander stops after printing them.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.Ok;
      if (error.code === "commander.help") return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      return ExitCode.Usage; // commander has already printed the message
    }
    const { exitCode, message } = describeCommandFailure(error, secrets.values());
    output.stderr.write(`${output.errorStyle.red("sso-kit: error:")} ${message}\n`);
    // Through the logger, so the stack is redacted like every other --debug line.
    if (error instanceof Error && error.stack) logger.debug(error.stack);
    return exitCode;
  }
}
