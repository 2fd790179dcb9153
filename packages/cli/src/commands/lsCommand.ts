import { escapeControlCharacters } from "@sso-kit/token-provider/internal";
import { Command } from "commander";
import { listingProgress } from "../accounts/listingProgress.js";
import { formatJsonForTerminal } from "../output/formatJsonForTerminal.js";
import { formatTable } from "../output/formatTable.js";
import { startProgress } from "../output/startProgress.js";
import type { CliContextFactory } from "../program/CliContext.js";

/** `sso-kit ls [--profile P] [--json]`: the accounts and roles the profile's SSO session can use. */
export function lsCommand(context: CliContextFactory): Command {
  return new Command("ls")
    .description("list the accounts and roles you can use")
    .option("--profile <name>", "profile with an SSO session [AWS_PROFILE, then default]")
    .option("--json", "print JSON instead of a table")
    .action(async (options: { profile?: string; json?: boolean }, command: Command) => {
      const { output, logger, secrets } = context(command);
      // Loaded when run: its SDK client is not for the commands that start often (credential-process).
      const { listAccountsAndRoles } = await import("../accounts/listAccountsAndRoles.js");
      // A progress line only on a terminal: piped, stderr keeps its one summary line.
      const progress = listingProgress("Listing the accounts and roles");
      const stopProgress = output.interactive ? startProgress(output, progress.message) : () => {};
      let listing;
      try {
        listing = await listAccountsAndRoles({
          profile: options.profile,
          logger,
          secrets,
          onProgress: progress.onProgress,
        });
      } finally {
        stopProgress();
      }
      if (options.json) {
        output.print(formatJsonForTerminal(listing));
        return;
      }
      // Names are the portal's text: escaped, so that none can drive the terminal or break the table.
      const rows = listing.accounts.flatMap((account) =>
        (account.roles.length === 0 ? [""] : account.roles).map((role) =>
          [account.accountId, account.accountName, role].map(escapeControlCharacters),
        ),
      );
      output.print(...formatTable(["ACCOUNT ID", "ACCOUNT NAME", "ROLE"], rows, output.style.bold));
      output.info(
        output.errorStyle.dim(
          `${listing.accounts.length} account(s), ${rows.filter((row) => row[2]).length} role(s) at ${listing.startUrl} (${listing.region})`,
        ),
      );
    });
}
