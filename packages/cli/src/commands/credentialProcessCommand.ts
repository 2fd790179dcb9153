import { Command } from "commander";
import { formatCredentialProcessJson } from "../credentials/formatCredentialProcessJson.js";
import { getRoleCredentials } from "../credentials/getRoleCredentials.js";
import type { CliContextFactory } from "../program/CliContext.js";
import { LOGIN_OPTION_HELP, onDemandLogin } from "../program/onDemandLogin.js";

/**
 * `sso-kit credential-process --profile P`: prints the profile's role credentials as `credential_process`
 * Version 1 JSON, for `credential_process = sso-kit credential-process --profile P` in any AWS tool's config.
 */
export function credentialProcessCommand(context: CliContextFactory): Command {
  return new Command("credential-process")
    .description("print role credentials as credential_process JSON (cached until 5 minutes before expiry)")
    .requiredOption("--profile <name>", "SSO profile with sso_account_id and sso_role_name")
    .option("--login", LOGIN_OPTION_HELP)
    .addHelpText(
      "after",
      "\nUse it from ~/.aws/config:\n  [profile my-app]\n  credential_process = sso-kit credential-process --profile my-sso-profile",
    )
    .action(async (options: { profile: string; login?: boolean }, command: Command) => {
      const run = context(command);
      const { output, logger, secrets } = run;
      const { credentials } = await getRoleCredentials({
        profile: options.profile,
        login: onDemandLogin(options.login, run),
        logger,
        secrets,
      });
      output.print(formatCredentialProcessJson(credentials));
    });
}
