import type { Emulator } from "../Emulator.js";

/**
 * What the bin prints once the emulator listens: the URL, the `export` line that points the SDKs at it, and a
 * sample `~/.aws/config` with an sso-session and a profile for the first account and role of the directory.
 */
export const renderBanner = (emu: Emulator): string => {
  const account = emu.accounts.find((entry) => entry.roles.length > 0);
  const exports = Object.entries(emu.env)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
  const lines = [
    `sso-kit emulator listening on ${emu.url}`,
    "",
    "# Point the AWS SDKs and the AWS CLI at it:",
    `export ${exports}`,
    "",
    "# Sample ~/.aws/config:",
    "[sso-session emulator]",
    `sso_start_url = ${emu.startUrl}`,
    `sso_region = ${emu.region}`,
    "sso_registration_scopes = sso:account:access",
    "",
  ];
  if (account !== undefined) {
    lines.push(
      "[profile emulator]",
      "sso_session = emulator",
      `sso_account_id = ${account.accountId}`,
      `sso_role_name = ${account.roles[0] ?? ""}`,
      `region = ${emu.region}`,
      "",
    );
  }
  lines.push("Press Ctrl+C to stop.");
  return `${lines.join("\n")}\n`;
};
