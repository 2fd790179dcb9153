import { Command, Option } from "commander";
import { formatCredentialProcessJson } from "../credentials/formatCredentialProcessJson.js";
import { formatEnvExports } from "../credentials/formatEnvExports.js";
import { getRoleCredentials } from "../credentials/getRoleCredentials.js";
import type { CliContextFactory } from "../program/CliContext.js";
import { LOGIN_OPTION_HELP, onDemandLogin } from "../program/onDemandLogin.js";

/**
 * `sso-kit export [--profile P] [--format env|json]`: prints the profile's role credentials as shell `export`
 * lines (for `eval "$(sso-kit export --profile P)"`) or as credential_process JSON.
 */
export function exportCommand(context: CliContextFactory): Command {
  return new Command("export")
    .description("print role credentials as shell export lines or JSON")
    .option(
      "--profile <name>",
      "SSO profile with sso_account_id and sso_role_name [AWS_PROFILE, then default]",
    )
    .option("--login", LOGIN_OPTION_HELP)
    .addOption(
      new Option("--format <format>", "env: export lines for a POSIX shell; json: credential_process JSON")
        .choices(["env", "json"])
        .default("env"),
    )
    .addHelpText("after", '\nExample:\n  eval "$(sso-kit export --profile my-sso-profile)"')
    .action(
      async (options: { profile?: string; format: "env" | "json"; login?: boolean }, command: Command) => {
        const run = context(command);
        const { output, logger, secrets } = run;
        const { credentials } = await getRoleCredentials({
          profile: options.profile,
          login: onDemandLogin(options.login, run),
          logger,
          secrets,
        });
        output.print(
          ...(options.format === "json"
            ? [formatCredentialProcessJson(credentials)]
            : formatEnvExports(credentials)),
        );
      },
    );
}
