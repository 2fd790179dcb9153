import type { RoleTarget } from "../config/RoleTarget.js";

/**
 * The command that signs the user in again for a target: by profile when there is one, else by sso-session;
 * `undefined` for explicit legacy options, which name neither.
 */
export const signInCommand = (target: RoleTarget): string | undefined => {
  if (target.profileName !== undefined) return `sso-kit login --profile ${target.profileName}`;
  if (target.kind === "sso-session") return `sso-kit login --sso-session ${target.session.name}`;
  return undefined;
};

/** The sentence that ends every "sign in again" error, worded as the token provider's. */
export const signInAdvice = (target: RoleTarget): string => {
  if (target.profileName !== undefined) {
    return `Run 'sso-kit login --profile ${target.profileName}' (or 'aws sso login --profile ${target.profileName}') to sign in again.`;
  }
  if (target.kind === "sso-session") {
    return `Run 'sso-kit login --sso-session ${target.session.name}' (or 'aws sso login --sso-session ${target.session.name}') to sign in again.`;
  }
  return `Run 'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is ${target.startUrl} to sign in again.`;
};
