import { spawn } from "node:child_process";
import { constants } from "node:os";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "../errors/CliError.js";

/** The signals passed on to the command: those a terminal, a supervisor or `kill` send to stop a program. */
const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `command` with `args` and `env` on this process's terminal (stdin, stdout and stderr inherited) and resolves
 * with the exit code a shell would report: the command's own, or 128 + the signal's number when a signal ended it.
 * While it runs, SIGINT, SIGTERM and SIGHUP sent to this process are passed on to it, and this process waits for
 * it to exit rather than ending first and leaving it behind.
 *
 * @throws CliError with exit code 127 when the command is not found, 126 when it cannot be run.
 */
export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = (): void => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once("error", (error: NodeJS.ErrnoException) => {
      stopForwarding();
      reject(spawnFailure(command, error));
    });
    child.once("exit", (code, signal) => {
      stopForwarding();
      if (code !== null) resolve(code);
      else resolve(128 + (signal === null ? 0 : (constants.signals[signal] ?? 0)));
    });
  });
}

function spawnFailure(command: string, error: NodeJS.ErrnoException): CliError {
  if (error.code === "ENOENT") {
    return new CliError(`command not found: ${command} (check its name and PATH)`, ExitCode.CommandNotFound, {
      cause: error,
    });
  }
  if (error.code === "EACCES" || error.code === "EISDIR" || error.code === "ENOEXEC") {
    return new CliError(
      `cannot run ${command}: ${error.code} (is it an executable file?)`,
      ExitCode.CommandNotExecutable,
      {
        cause: error,
      },
    );
  }
  return new CliError(`could not start ${command}: ${error.message}`, ExitCode.Failure, { cause: error });
}
