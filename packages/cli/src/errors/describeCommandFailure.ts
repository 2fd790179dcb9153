import { describeError, escapeControlCharacters, redactSecrets } from "@sso-kit/token-provider/internal";
import { ExitCode } from "../ExitCode.js";

/** How a failed command ends: its exit code and the one line printed on stderr. */
export interface CommandFailure {
  /** The process exit code. */
  readonly exitCode: ExitCode;
  /** One line, no secrets, no stack trace, no control character (server text in it is escaped). */
  readonly message: string;
}

/**
 * Reasons that mean "sign in again": the token provider's `SessionEnded` (see `SsoTokenErrorReason`) and the
 * credential provider's `Unauthorized` (see `SsoCredentialsErrorReason`; its `Token` errors carry `signInCommand`
 * exactly when signing in is the fix).
 */
const SIGN_IN_REASONS = new Set(["SessionEnded", "Unauthorized"]);

/**
 * Reasons that mean "not the session": the service failed (try again) or the configuration is wrong. They win
 * over anything else the error carries.
 */
const FAILURE_REASONS = new Set(["ServiceUnavailable", "Misconfigured", "InvalidConfig", "ServiceError"]);
/** SSO portal error names that mean "sign in again". */
const SIGN_IN_ERROR_NAMES = new Set(["UnauthorizedException"]);

/**
 * Errors sso-kit raises for users (the CLI's own, sign-in's, the providers'): their messages are sentences
 * already, written with the causes quoted through `describeError`; their names add nothing for the user.
 */
const SENTENCE_ERROR_NAMES = new Set([
  "CliError",
  "LoginError",
  "TokenProviderError",
  "CredentialsProviderError",
  "AbortError",
]);

/**
 * The exit code and message for anything a command threw. The SSO packages' own error vocabulary decides the
 * code, from typed fields, never from the wording: a `reason` that says the service failed or the configuration is
 * wrong gives {@link ExitCode.Failure}; an ended session (`reason` `SessionEnded` or `Unauthorized`, or a
 * `signInCommand`: errors carry one only when signing in is the fix) gives {@link ExitCode.NotSignedIn}; an
 * interrupted sign-in gives {@link ExitCode.Interrupted}; the rest give {@link ExitCode.Failure} or the CLI
 * error's own code. The message is one line with every one of `secrets` (what
 * the run holds: see `KnownSecrets`) redacted, through `@sso-kit/token-provider`'s `redactSecrets` for sso-kit's
 * own errors and its `describeError` for anything else (service exceptions, network and file errors); then
 * every control character in it is escaped (`escapeControlCharacters`), since it may quote a server.
 */
export function describeCommandFailure(
  error: unknown,
  secrets: ReadonlyArray<string | undefined>,
): CommandFailure {
  return { exitCode: exitCodeOf(error), message: escapeControlCharacters(messageOf(error, secrets)) };
}

function exitCodeOf(error: unknown): ExitCode {
  if (!(error instanceof Error)) return ExitCode.Failure;
  const fields = error as Error & {
    exitCode?: unknown;
    code?: unknown;
    reason?: unknown;
    signInCommand?: unknown;
  };
  if (error.name === "CliError" && isExitCode(fields.exitCode)) return fields.exitCode;
  if (error.name === "AbortError" || (error.name === "LoginError" && fields.code === "Aborted")) {
    return ExitCode.Interrupted;
  }
  if (typeof fields.reason === "string" && FAILURE_REASONS.has(fields.reason)) return ExitCode.Failure;
  if (typeof fields.reason === "string" && SIGN_IN_REASONS.has(fields.reason)) return ExitCode.NotSignedIn;
  if (typeof fields.signInCommand === "string") return ExitCode.NotSignedIn;
  if (SIGN_IN_ERROR_NAMES.has(error.name)) return ExitCode.NotSignedIn;
  return ExitCode.Failure;
}

function messageOf(error: unknown, secrets: ReadonlyArray<string | undefined>): string {
  if (error instanceof Error && SENTENCE_ERROR_NAMES.has(error.name)) {
    const message = error.message.replace(/\s+/g, " ").trim();
    return redactSecrets(message === "" ? "(no message)" : message, secrets);
  }
  return describeError(error, secrets);
}

function isExitCode(value: unknown): value is ExitCode {
  return typeof value === "number" && Object.values(ExitCode).includes(value as ExitCode);
}
