import { Command } from "commander";
import type { CliContextFactory } from "../program/CliContext.js";

/** `sso-kit profiles`: commands that manage profiles of the shared config file. */
export function profilesCommand(context: CliContextFactory): Command {
  const generate = new Command("generate")
    .description(
      "write one profile per account and role you can use, in a block of the config file sso-kit owns",
    )
    .option("--profile <name>", "profile whose SSO session to list [AWS_PROFILE, then default]")
    .option("--sso-session <name>", "the sso-session to list (a profile using it is needed to sign in)")
    .option(
      "--template <template>",
      "profile name: {account_name}, {account_id}, {role_name}, {session}",
      "{account_name}.{role_name}",
    )
    .option("--region <region>", "region of the generated profiles [the session's sso_region]")
    .option("--dry-run", "print the change as a diff and write nothing")
    .option("--config-file <path>", "the config file to update [AWS_CONFIG_FILE, then ~/.aws/config]")
    .addHelpText(
      "after",
      [
        "",
        "The profiles go between '# BEGIN sso-kit managed profiles (session S) -- do not edit' and",
        "'# END sso-kit managed profiles (session S)': sso-kit rewrites that block on every run (roles no longer",
        "granted disappear) and never touches anything else in the file. A generated name that a profile outside",
        "the block already uses is skipped with a warning. Names keep their case; characters outside",
        "[A-Za-z0-9._-] become '-'. The previous file is kept as <config>.bak; nothing is written when nothing changed.",
      ].join("\n"),
    )
    .action(async (options: GenerateOptions, command: Command) => {
      const { generateProfiles } = await import("../profiles/generateProfiles.js");
      await generateProfiles(options, context(command));
    });
  return new Command("profiles")
    .description("manage profiles of the shared config file")
    .addCommand(generate);
}

/** The options of `sso-kit profiles generate`. */
export interface GenerateOptions {
  profile?: string;
  ssoSession?: string;
  template: string;
  region?: string;
  dryRun?: boolean;
  configFile?: string;
}
