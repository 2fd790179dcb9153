import { loadSharedConfig, resolveSsoProfile } from "@sso-kit/token-provider/internal";
import { Command } from "commander";
import { getRoleCredentials } from "../credentials/getRoleCredentials.js";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import { EXEC_PROFILE_VARIABLE, execEnvironment } from "../exec/execEnvironment.js";
import { runChild } from "../exec/runChild.js";
import type { CliContextFactory } from "../program/CliContext.js";
import { LOGIN_OPTION_HELP, onDemandLogin } from "../program/onDemandLogin.js";

/**
 * `sso-kit exec [--profile P] [--force] [--] command [args...]`: runs a command with the profile's role credentials
 * in the standard AWS environment variables (see {@link execEnvironment}) and ends with its exit code.
 */
export function execCommand(context: CliContextFactory): Command {
  return (
    new Command("exec")
      .description("run a command with the profile's role credentials in its environment")
      .usage("[options] [--] <command> [args...]")
      // Everything from the command name on is the command's, options included.
      .passThroughOptions()
      .option(
        "--profile <name>",
        "SSO profile with sso_account_id and sso_role_name [AWS_PROFILE, then default]",
      )
      .option("--login", LOGIN_OPTION_HELP)
      .option("--force", `run even inside another 'sso-kit exec' (${EXEC_PROFILE_VARIABLE} is set)`)
      .argument("<command>", "the program to run (found on PATH)")
      .argument("[args...]", "its arguments")
      .addHelpText(
        "after",
        [
          "",
          "The command gets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION,",
          "AWS_REGION and AWS_DEFAULT_REGION (from the profile's region, when it has one), and",
          `${EXEC_PROFILE_VARIABLE}; AWS_PROFILE and AWS_DEFAULT_PROFILE are removed. The credentials are not`,
          "renewed while it runs: use 'sso-kit serve' for programs that outlive them.",
          "",
          "Exit code: the command's own; 128+n when signal n ended it; 127 when it is not found; 126 when it",
          "cannot be run; sso-kit's own codes (see 'sso-kit --help') when no credentials could be had.",
          "SIGINT, SIGTERM and SIGHUP are passed on to the command. sso-kit's options go before the command;",
          "'--' before it is optional.",
          "",
          "Example:",
          "  sso-kit exec --profile my-sso-profile -- aws s3 ls",
        ].join("\n"),
      )
      .action(
        async (
          commandName: string,
          args: string[],
          options: { profile?: string; force?: boolean; login?: boolean },
          command: Command,
        ) => {
          const run = context(command);
          const { logger, secrets, setExitCode } = run;
          const outer = process.env[EXEC_PROFILE_VARIABLE];
          if (outer !== undefined && options.force !== true) {
            throw new CliError(
              `already inside 'sso-kit exec' for profile '${outer}' (${EXEC_PROFILE_VARIABLE} is set); run the command directly, or add --force to replace those credentials with another profile's`,
              ExitCode.Usage,
            );
          }
          const { credentials } = await getRoleCredentials({
            profile: options.profile,
            login: onDemandLogin(options.login, run),
            logger,
            secrets,
          });
          const { profileName } = await resolveSsoProfile({ profile: options.profile });
          const region = (await loadSharedConfig()).profiles.get(profileName)?.region;
          logger.debug(`running ${commandName} with the role credentials of profile '${profileName}'`);
          setExitCode(
            await runChild(
              commandName,
              args,
              execEnvironment({ env: process.env, profileName, credentials, region }),
            ),
          );
        },
      )
  );
}
