import { Command } from "commander";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "../errors/CliError.js";
import type { CliContextFactory } from "../program/CliContext.js";

/**
 * `sso-kit emulator [options]`: runs `@sso-kit/emulator`'s own command (`sso-kit-emulator`, options passed through:
 * see `sso-kit emulator --help`) in this process; it prints the environment variables and the `~/.aws/config` to
 * use it, and runs until Ctrl-C.
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
      const { signal, output } = context(command);
      // Loaded when run: the emulator is for this command only.
      const { runEmulatorCli } = await import("@sso-kit/emulator");
      const code = await runEmulatorCli(args, {
        stdout: (text) => void output.stdout.write(text),
        stderr: (text) => void output.stderr.write(text),
        stopRequested: () =>
          signal.aborted
            ? Promise.resolve()
            : new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true })),
      });
      if (code === ExitCode.Usage) throw new CliError("invalid emulator options (see above)", ExitCode.Usage);
      if (code !== ExitCode.Ok) throw new CliError("the emulator could not start (see above)");
    });
}
