import type { LoginResult } from "@sso-kit/login";
import { Command, Option } from "commander";
import { formatDuration } from "../output/formatDuration.js";
import type { Output } from "../output/Output.js";
import type { CliContextFactory } from "../program/CliContext.js";
import { signIn } from "../signin/signIn.js";

interface LoginCommandOptions {
  profile?: string;
  ssoSession?: string;
  useDeviceCode?: boolean;
  browser: boolean;
}

/**
 * `sso-kit login [--profile P | --sso-session S] [--use-device-code] [--no-browser]`: signs in through
 * `@sso-kit/login`, printing the sign-in URL (and code) on stderr, showing progress while waiting, and saying
 * what it signed in to on stdout.
 */
export function loginCommand(context: CliContextFactory): Command {
  return new Command("login")
    .description("sign in to IAM Identity Center and cache the SSO token where the AWS CLI and SDKs look")
    .addOption(
      new Option("--profile <name>", "profile to sign in for [AWS_PROFILE, then default]").conflicts(
        "ssoSession",
      ),
    )
    .option("--sso-session <name>", "sign in to this [sso-session] directly")
    .option(
      "--use-device-code",
      "use the device code flow (enter a code on any device) instead of a browser redirect",
    )
    .option("--no-browser", "do not open a browser: print the URL (and code) to open yourself")
    .addHelpText(
      "after",
      [
        "",
        "An sso-session signs in with authorization code + PKCE: the browser returns to a loopback address on this",
        "machine. Legacy profiles (sso_start_url in the profile), and --use-device-code, use the device code flow.",
      ].join("\n"),
    )
    .action(async (options: LoginCommandOptions, command: Command) => {
      const cliContext = context(command);
      const result = await signIn(
        {
          ...(options.profile !== undefined && { profile: options.profile }),
          ...(options.ssoSession !== undefined && { ssoSession: options.ssoSession }),
          ...(options.useDeviceCode && { flow: "device" as const }),
          openBrowser: options.browser,
        },
        cliContext,
      );
      showResult(cliContext.output, result);
    });
}

function showResult(output: Output, result: LoginResult): void {
  const { green } = output.style;
  const via =
    result.sessionName !== undefined ? `SSO session '${result.sessionName}'` : "a legacy SSO profile";
  const forProfile = result.profileName !== undefined ? ` (profile '${result.profileName}')` : "";
  output.print(
    `${green("Signed in")}${result.alreadySignedIn ? " (by the other sign-in)" : ""} to ${result.startUrl} in ${result.region} with ${via}${forProfile}.`,
    `The session is valid until ${result.expiresAt.toISOString()} (${formatDuration(result.expiresAt.getTime() - Date.now())}).`,
  );
}
