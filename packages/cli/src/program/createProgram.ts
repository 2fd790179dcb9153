import type { OutputConfiguration } from "commander";
import { Command } from "commander";
import { credentialProcessCommand } from "../commands/credentialProcessCommand.js";
import { emulatorCommand } from "../commands/emulatorCommand.js";
import { exportCommand } from "../commands/exportCommand.js";
import { loginCommand } from "../commands/loginCommand.js";
import { logoutCommand } from "../commands/logoutCommand.js";
import { lsCommand } from "../commands/lsCommand.js";
import { profilesCommand } from "../commands/profilesCommand.js";
import { statusCommand } from "../commands/statusCommand.js";
import { ExitCode } from "../ExitCode.js";
import type { CliIo } from "./CliIo.js";
import type { CliContextFactory } from "./CliContext.js";
import { VERSION } from "../version.js";

/**
 * The `sso-kit` command tree (commander). Parsing errors are thrown as `CommanderError`s (never `process.exit`),
 * printed as one line on stderr with a pointer to `--help`; help and version go to stdout.
 */
export function createProgram(io: CliIo, context: CliContextFactory): Command {
  const program = new Command("sso-kit")
    .description("Sign in to AWS IAM Identity Center (SSO) and use its credentials anywhere.")
    .version(VERSION, "-V, --version", "print the version")
    .option("--debug", "log what happens to stderr (secrets are never printed)")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .exitOverride()
    .configureOutput(outputFor(io, "sso-kit"))
    .addHelpText(
      "after",
      [
        "",
        "Exit codes:",
        `  ${ExitCode.Ok}    success`,
        `  ${ExitCode.Failure}    failure (service, network, configuration or cache error)`,
        `  ${ExitCode.Usage}    usage error (unknown command or option, bad option value)`,
        `  ${ExitCode.NotSignedIn}    not signed in, or the SSO session expired: run 'sso-kit login'`,
        `  ${ExitCode.Interrupted}  interrupted`,
      ].join("\n"),
    );
  for (const command of [
    loginCommand(context),
    logoutCommand(context),
    lsCommand(context),
    statusCommand(context),
    profilesCommand(context),
    credentialProcessCommand(context),
    exportCommand(context),
    emulatorCommand(context),
  ]) {
    program.addCommand(command);
    command.copyInheritedSettings(program);
    command.configureOutput(outputFor(io, `sso-kit ${command.name()}`));
    // Subcommands (`profiles generate`) added before their parent joined the program inherit its settings here.
    for (const subcommand of command.commands) {
      subcommand.copyInheritedSettings(command);
      subcommand.configureOutput(outputFor(io, `sso-kit ${command.name()} ${subcommand.name()}`));
    }
  }
  return program;
}

/** Help to stdout; a usage error as one line on stderr that says where the help is. */
function outputFor(io: CliIo, commandPath: string): OutputConfiguration {
  return {
    writeOut: (text) => void io.stdout.write(text),
    writeErr: (text) => void io.stderr.write(text),
    outputError: (text, write) =>
      write(
        `sso-kit: ${text
          .trim()
          .replace(/^error: /, "")
          .replace(/\s*\n\s*/g, " ")} (run '${commandPath} --help' for usage)\n`,
      ),
  };
}
