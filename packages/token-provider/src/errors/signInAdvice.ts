/**
 * Who must sign in again. The most specific name wins: a profile, else an sso-session, else (legacy profiles and
 * explicit legacy options) the start URL.
 */
export interface SignInTarget {
  /** The profile to sign in with (`--profile <name>`). */
  profileName?: string;
  /** The sso-session to sign in with (`--sso-session <name>`), when no profile is known. */
  sessionName?: string;
  /** The start URL of a legacy profile, when neither a profile nor a session is known. */
  startUrl?: string;
}

/** The `login` arguments naming `target`; `undefined` when only a start URL is known, which no argument names. */
const loginArguments = ({ profileName, sessionName, startUrl }: SignInTarget): string | undefined => {
  if (profileName !== undefined) return ` --profile ${profileName}`;
  if (sessionName !== undefined) return ` --sso-session ${sessionName}`;
  return startUrl !== undefined ? undefined : "";
};

/**
 * The command that signs `target` in again, e.g. `sso-kit login --profile dev` (`sso-kit login` for an empty
 * target: the default profile).
 *
 * @returns `undefined` when only a start URL is known (explicit legacy options): no command can name it.
 */
export const signInCommand = (target: SignInTarget = {}): string | undefined => {
  const args = loginArguments(target);
  return args === undefined ? undefined : `sso-kit login${args}`;
};

/**
 * What the user runs, quoted, with the AWS CLI's equivalent: `'sso-kit login --profile dev' (or 'aws sso login
 * --profile dev')`, or for a bare start URL the commands and which profile they need. For messages that need the
 * commands inside their own sentence; everything else ends with {@link signInAdvice}.
 */
export const signInInstruction = (target: SignInTarget = {}): string => {
  const args = loginArguments(target);
  return args === undefined
    ? `'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is ${target.startUrl}`
    : `'sso-kit login${args}' (or 'aws sso login${args}')`;
};

/**
 * The sentence every "you must sign in again" error ends with, so users always get the same instruction, e.g.
 * `Run 'sso-kit login --profile dev' (or 'aws sso login --profile dev') to sign in again.`
 */
export const signInAdvice = (target: SignInTarget = {}): string =>
  `Run ${signInInstruction(target)} to sign in again.`;
