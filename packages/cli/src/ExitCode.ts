/**
 * The exit codes of `sso-kit`, so that scripts can tell a usage mistake or an expired session from any other
 * failure without parsing messages.
 */
export const ExitCode = {
  /** The command did what it was asked. */
  Ok: 0,
  /** The command failed: a network or service error, a broken config or cache file, a failed sign-in. */
  Failure: 1,
  /** The command line itself is wrong: unknown command or option, missing or invalid option value. */
  Usage: 2,
  /** There is no usable SSO session: never signed in, signed out, or the session expired. Run `sso-kit login`. */
  NotSignedIn: 3,
  /** `sso-kit exec`: the command was found but could not be run (not executable, permission denied), as in shells. */
  CommandNotExecutable: 126,
  /** `sso-kit exec`: the command was not found, as in shells. */
  CommandNotFound: 127,
  /** Interrupted by the user (Ctrl-C), as shells report SIGINT. */
  Interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
