import { Command } from "commander";
import type { CliContextFactory } from "../program/CliContext.js";

/**
 * `sso-kit logout [--profile P]`: signs out like `aws sso logout`, through `@sso-kit/login`: every cached SSO
 * token is revoked and deleted, and so are the role credentials cached from SSO.
 */
export function logoutCommand(context: CliContextFactory): Command {
  return new Command("logout")
    .description(
      "sign out: revoke and delete every cached SSO token and the role credentials cached from SSO",
    )
    .option(
      "--profile <name>",
      "accepted for symmetry with the AWS CLI; like 'aws sso logout', signing out ends every cached SSO session",
    )
    .action(async (_options: { profile?: string }, command: Command) => {
      const { output, logger, signal } = context(command);
      const { logout } = await import("@sso-kit/login");
      const result = await logout({ signal, logger });
      if (result.tokenFiles.length === 0 && result.roleCredentialFiles.length === 0) {
        output.print("Not signed in: there was no cached SSO session to sign out of.");
        return;
      }
      output.print(
        `Signed out: deleted ${result.tokenFiles.length} SSO token file(s) and ${result.roleCredentialFiles.length} cached role credential file(s).`,
      );
      if (result.failedSignOuts > 0) {
        output.info(
          `${result.failedSignOuts} session(s) could not be revoked with IAM Identity Center (expired, or the service was unreachable); their files were deleted anyway.`,
        );
      }
    });
}
