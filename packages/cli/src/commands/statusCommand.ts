import { Command } from "commander";
import { signInAdvice } from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { CliContextFactory } from "../program/CliContext.js";

/**
 * `sso-kit status [--profile P] [--json]`: every SSO session of the config, whether it is signed in and can be
 * refreshed, and which profiles use it. With `--profile`, the exit code says whether that profile can get
 * credentials without a sign-in (0) or not (3), for scripts.
 */
export function statusCommand(context: CliContextFactory): Command {
  return new Command("status")
    .description("show every SSO session of the config: signed in, expiry, refreshable, profiles")
    .option(
      "--profile <name>",
      "only the session of this profile; exit 3 if it needs a sign-in (no valid or refreshable token)",
    )
    .option("--json", "print JSON instead of text")
    .addHelpText(
      "after",
      [
        "",
        "Without --profile the exit code is 0 unless the config is broken (1). With --profile it is 0 when the",
        "profile can get credentials without signing in (token valid, or refreshable) and 3 when it cannot.",
        "Tokens and secrets are never printed.",
      ].join("\n"),
    )
    .action(async (options: { profile?: string; json?: boolean }, command: Command) => {
      const { output, logger } = context(command);
      const { collectSsoStatus } = await import("../status/collectSsoStatus.js");
      const { formatSsoStatus } = await import("../status/formatSsoStatus.js");
      const now = new Date();
      const status = await collectSsoStatus({ logger, now });
      if (options.profile === undefined) {
        output.print(...(options.json ? [JSON.stringify(status, null, 2)] : formatSsoStatus(status, now)));
        if (status.problems.length > 0) {
          for (const problem of status.problems.slice(1)) output.info(`sso-kit: ${problem}`);
          throw new CliError(status.problems[0] as string, ExitCode.Failure);
        }
        return;
      }
      const profileName = options.profile;
      if (status.loginSessions.some((login) => login.profile === profileName)) {
        throw new CliError(
          `Profile '${profileName}' uses console credentials ('aws login', login_session), not IAM Identity Center (SSO); sso-kit does not manage it.`,
          ExitCode.Failure,
        );
      }
      const { resolveSsoProfile } = await import("@sso-kit/token-provider/internal");
      const profile = await resolveSsoProfile({ profile: profileName });
      const key = profile.kind === "sso-session" ? profile.session.name : profile.startUrl;
      const session = status.sessions.find((s) => s.kind === profile.kind && s.name === key);
      if (session === undefined) {
        // resolveSsoProfile accepted what collectSsoStatus read: only a config changed in between gets here.
        throw new CliError(`The config ${status.configFile} changed while it was read; run again.`);
      }
      const canGetCredentials = session.signedIn || session.canRefresh;
      const filtered = { ...status, sessions: [session], loginSessions: [] };
      output.print(
        ...(options.json
          ? [JSON.stringify({ ...filtered, profile: { name: profileName, canGetCredentials } }, null, 2)]
          : formatSsoStatus(filtered, now)),
      );
      if (!canGetCredentials) {
        throw new CliError(
          `Profile '${profileName}' needs a sign-in: its SSO session ${session.expiresAt === null ? "has no cached token" : "expired and cannot be refreshed"}. ${signInAdvice({ profileName })}`,
          ExitCode.NotSignedIn,
        );
      }
    });
}
