import type { OutputConfiguration } from "commander";
import { Command } from "commander";
import { configureCommand } from "../commands/configureCommand.js";
import { credentialProcessCommand } from "../commands/credentialProcessCommand.js";
import { emulatorCommand } from "../commands/emulatorCommand.js";
import { execCommand } from "../commands/execCommand.js";
import { exportCommand } from "../commands/exportCommand.js";
import { loginCommand } from "../commands/loginCommand.js";
import { logoutCommand } from "../commands/logoutCommand.js";
import { lsCommand } from "../commands/lsCommand.js";
import { profilesCommand } from "../commands/profilesCommand.js";
import { statusCommand } from "../commands/statusCommand.js";
import { serveCommand } from "../commands/serveCommand.js";
import { ExitCode } from "../ExitCode.js";
import type { CliIo } from "./CliIo.js";
import type { CliContextFactory } from "./CliContext.js";
import { VERSION } from "../version.js";

const DEBUG_FLAGS = "--debug";
const DEBUG_DESCRIPTION = "log what happens to stderr (secrets are never printed)";

/**
 * The `sso-kit` command tree (commander). Parsing errors are thrown as `CommanderError`s (never `process.exit`),
 * printed as one line on stderr with a pointer to `--help`; help and version go to stdout.
 */
export function createProgram(io: CliIo, context: CliContextFactory): Command {
  const program = new Command("sso-kit")
    .description("Sign in to AWS IAM Identity Center (SSO) and use its credentials anywhere.")
    .version(VERSION, "-V, --version", "print the version")
    .option(DEBUG_FLAGS, DEBUG_DESCRIPTION)
    // Options after a command name are the command's: so that `exec` can pass everything after its command on.
    .enablePositionalOptions()
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
        `  ${ExitCode.CommandNotExecutable}  exec: the command cannot be run`,
        `  ${ExitCode.CommandNotFound}  exec: the command was not found`,
        `  ${ExitCode.Interrupted}  interrupted`,
        "  exec ends with its command's own exit code (128+n when signal n ended it)",
      ].join("\n"),
    );
  for (const command of [
    loginCommand(context),
    logoutCommand(context),
    configureCommand(context),
    lsCommand(context),
    statusCommand(context),
    profilesCommand(context),
    credentialProcessCommand(context),
    exportCommand(context),
    execCommand(context),
    serveCommand(context),
    emulatorCommand(context),
  ]) {
    // `--debug` is accepted after the command name too (`sso-kit ls --debug`), as before positional options.
    if (command.options.every((option) => option.long !== "--debug"))
      command.option(DEBUG_FLAGS, DEBUG_DESCRIPTION);
    program.addCommand(command);
    command.copyInheritedSettings(program);
    command.configureOutput(outputFor(io, `sso-kit ${command.name()}`));
    // Subcommands (`profiles generate`) added before their parent joined the program inherit its settings here.
    for (const subcommand of command.commands) {
      if (subcommand.options.every((option) => option.long !== "--debug"))
        subcommand.option(DEBUG_FLAGS, DEBUG_DESCRIPTION);
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
