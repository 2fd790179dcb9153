import { Command } from "commander";
import type { CliContextFactory } from "../program/CliContext.js";

/**
 * `sso-kit configure`: sets up an sso-session and a profile in the config file, asking for what its flags do not
 * give (in a terminal, or line by line from stdin), like `aws configure sso`.
 */
export function configureCommand(context: CliContextFactory): Command {
  return new Command("configure")
    .description("set up an SSO session and a profile for one account and role in the config file")
    .option("--start-url <url>", "the AWS access portal URL (like https://my-portal.awsapps.com/start)")
    .option("--region <region>", "the IAM Identity Center region (sso_region)")
    .option("--session-name <name>", "name of the [sso-session] [the start URL's first host label]")
    .option("--scopes <scopes>", "comma-separated registration scopes [sso:account:access]")
    .option("--account-id <id>", "the account of the profile [picked from the accounts you can use]")
    .option(
      "--role-name <name>",
      "the role (permission set) of the profile [picked from the account's roles]",
    )
    .option("--profile <name>", "name of the [profile] [<role>-<account id>]")
    .option("--default-region <region>", "the profile's region for AWS calls [none]")
    .option(
      "--output <format>",
      "the profile's output format for the AWS CLI: json, yaml, yaml-stream, text, table",
    )
    .option("--force", "replace an [sso-session] or [profile] of the same name that has other settings")
    .option("--no-login", "do not sign in (the account and role are listed with the current sign-in, if any)")
    .option("--use-device-code", "sign in with the device code flow (enter a code on any device)")
    .option("--no-browser", "do not open a browser: print the URL (and code) to open yourself")
    .option("--json", "print what was written as JSON")
    .addHelpText(
      "after",
      [
        "",
        "In a terminal, every setting no flag gives is asked (with the default in brackets); with stdin from a pipe",
        "or file, the settings without a default are read from it, one line each, and the end of stdin fails with",
        "the flags still missing. Sign-in happens before anything is written. The config file is AWS_CONFIG_FILE,",
        "else ~/.aws/config: other lines, comments and blank lines stay as they were; the previous file is kept",
        "as <config>.bak; a section that exists with the same settings is left alone, one with other settings is",
        "replaced only with --force. A new file is created 0600 in a 0700 directory.",
      ].join("\n"),
    )
    .action(async (options: ConfigureOptions, command: Command) => {
      const { configure } = await import("../configure/configure.js");
      await configure(options, context(command));
    });
}

/** The options of `sso-kit configure`. */
export interface ConfigureOptions {
  startUrl?: string;
  region?: string;
  sessionName?: string;
  scopes?: string;
  accountId?: string;
  roleName?: string;
  profile?: string;
  defaultRegion?: string;
  output?: string;
  force?: boolean;
  login: boolean;
  useDeviceCode?: boolean;
  browser: boolean;
  json?: boolean;
}
