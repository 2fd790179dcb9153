import type * as Emulator from "@sso-kit/emulator";
import { Command } from "commander";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "../errors/CliError.js";
import type { CliContextFactory } from "../program/CliContext.js";

/**
 * `@sso-kit/emulator`, loaded when the command runs: it is an optional peer dependency, which only this command
 * needs, so an installation without it says how to get it rather than failing to resolve a module.
 */
const loadEmulator = async (): Promise<typeof Emulator> => {
  try {
    return await import("@sso-kit/emulator");
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (
      (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
      String(error).includes("@sso-kit/emulator")
    ) {
      throw new CliError(
        "'sso-kit emulator' needs the @sso-kit/emulator package, which is not installed: install it beside " +
          "@sso-kit/cli (npm install -g @sso-kit/emulator), or run it on its own with 'npx @sso-kit/emulator'.",
        ExitCode.Failure,
        { cause: error },
      );
    }
    throw error;
  }
};

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
      const { runEmulatorCli } = await loadEmulator();
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
