import { Command } from "commander";
import { spawn } from "node:child_process";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "../errors/CliError.js";
import { resolveEmulatorBin } from "../emulator/resolveEmulatorBin.js";
import type { CliContextFactory } from "../program/CliContext.js";

/** After Ctrl-C (which the terminal also sends to the emulator), how long it gets to stop by itself. */
const SELF_STOP_GRACE_MS = 1500;

/**
 * `sso-kit emulator [options]`: runs `@sso-kit/emulator`'s own `sso-kit-emulator` program with the given options
 * (see `sso-kit emulator --help`); it prints the environment variables and the `~/.aws/config` to use it, and runs
 * until Ctrl-C.
 */
export function emulatorCommand(context: CliContextFactory): Command {
  return new Command("emulator")
    .description("run the local IAM Identity Center emulator (options: sso-kit emulator --help)")
    .usage("[options]   (e.g. --auto-approve --port 4566)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[options...]", "options of sso-kit-emulator, passed through")
    .action(async (args: string[], _options: unknown, command: Command) => {
      const { signal, logger } = context(command);
      const bin = resolveEmulatorBin();
      logger.debug(`running ${bin}`);
      const child = spawn(process.execPath, [bin, ...args], { stdio: "inherit" });
      let stopping = false;
      const stop = (): void => {
        stopping = true;
        if (signal.reason === "SIGINT") {
          // The terminal sent Ctrl-C to the whole process group: the emulator is stopping already.
          setTimeout(() => child.kill("SIGTERM"), SELF_STOP_GRACE_MS).unref();
        } else {
          child.kill("SIGTERM");
        }
      };
      signal.addEventListener("abort", stop, { once: true });
      const [code, childSignal] = await new Promise<[number | null, NodeJS.Signals | null]>(
        (resolve, reject) => {
          child.once("error", reject);
          child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
        },
      ).finally(() => signal.removeEventListener("abort", stop));
      if (code === 0 || (stopping && childSignal !== null)) return;
      if (code === ExitCode.Usage) throw new CliError("invalid emulator options (see above)", ExitCode.Usage);
      throw new CliError(`the emulator exited with ${childSignal ?? `code ${code}`}`);
    });
}
