import { formatDuration } from "../output/formatDuration.js";
import type { SsoStatus } from "./collectSsoStatus.js";

/**
 * The human-readable form of an {@link SsoStatus}: one block per session (sign-in state, expiry, refresh,
 * profiles), then the `aws login` profiles. Holds no token or secret, since the status has none.
 */
export function formatSsoStatus(status: SsoStatus, now: Date = new Date()): string[] {
  const lines: string[] = [];
  if (status.sessions.length === 0) {
    lines.push(`No SSO sessions in ${status.configFile}.`);
  }
  const when = (iso: string): string => {
    const ms = Date.parse(iso) - now.getTime();
    return ms > 0 ? `${iso} (in ${formatDuration(ms)})` : `${iso} (${formatDuration(-ms)} ago)`;
  };
  for (const session of status.sessions) {
    if (lines.length > 0) lines.push("");
    lines.push(
      session.kind === "sso-session"
        ? `sso-session ${session.name}: ${session.startUrl} (${session.region})`
        : `legacy start URL ${session.startUrl} (${session.region})`,
    );
    let signedIn: string;
    if (session.tokenProblem !== undefined) signedIn = `no: ${session.tokenProblem}`;
    else if (session.expiresAt === null) signedIn = "no (no cached token)";
    else if (session.signedIn) signedIn = `yes, access token expires ${when(session.expiresAt)}`;
    else signedIn = `no, access token expired ${when(session.expiresAt)}`;
    lines.push(`  signed in:    ${signedIn}`);
    let refresh: string;
    if (session.kind === "legacy") refresh = "no (legacy profiles without sso_session are never refreshed)";
    else if (session.canRefresh) {
      refresh = `yes${session.registrationExpiresAt === null ? "" : `, until the client registration expires ${when(session.registrationExpiresAt)}`}`;
    } else if (session.expiresAt === null) refresh = "no";
    else if (
      session.registrationExpiresAt !== null &&
      Date.parse(session.registrationExpiresAt) <= now.getTime()
    ) {
      refresh = `no, the client registration expired ${when(session.registrationExpiresAt)}`;
    } else refresh = "no (the cached token has no refresh token)";
    lines.push(`  can refresh:  ${refresh}`);
    lines.push(`  profiles:     ${session.profiles.length === 0 ? "(none)" : session.profiles.join(", ")}`);
  }
  if (status.loginSessions.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push("aws login profiles (console credentials, not SSO):");
    for (const { profile } of status.loginSessions) lines.push(`  ${profile}`);
  }
  return lines;
}
