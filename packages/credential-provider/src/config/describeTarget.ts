import type { RoleTarget } from "./RoleTarget.js";

/** Names a target in messages: role, account and where they came from. Never contains a secret. */
export const describeTarget = (target: RoleTarget): string => {
  const origin =
    target.profileName !== undefined
      ? `profile ${target.profileName}`
      : target.kind === "sso-session"
        ? `sso-session ${target.session.name}`
        : `start URL ${target.startUrl}`;
  return `role ${target.roleName} in account ${target.accountId} (${origin})`;
};
