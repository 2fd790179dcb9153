/**
 * The sign-in command for a profile (or, without one, a session), with the AWS CLI's equivalent, e.g.
 * `'sso-kit login --profile dev' (or 'aws sso login --profile dev')`.
 */
export const signInCommand = (profileName?: string, sessionName?: string): string => {
  const target =
    profileName !== undefined
      ? ` --profile ${profileName}`
      : sessionName !== undefined
        ? ` --sso-session ${sessionName}`
        : "";
  return `'sso-kit login${target}' (or 'aws sso login${target}')`;
};

/** The sentence every "you must sign in again" error ends with, so users always get the same instruction. */
export const signInAdvice = (profileName?: string, sessionName?: string): string =>
  `Run ${signInCommand(profileName, sessionName)} to sign in again.`;
