import { ExitCode } from "../ExitCode.js";
import { redactSecretsInText } from "../logging/redactSecrets.js";

/** How a failed command ends: its exit code and the one line printed on stderr. */
export interface ErrorDescription {
  /** The process exit code. */
  readonly exitCode: ExitCode;
  /** One line, no secrets, no stack trace. */
  readonly message: string;
}

/** Credential-provider reasons that mean "sign in again" (see `SsoCredentialsErrorReason`). */
const SIGN_IN_REASONS = new Set(["Token", "Unauthorized"]);
/** Token-provider / SSO portal error names that mean "sign in again". */
const SIGN_IN_ERROR_NAMES = new Set(["UnauthorizedException"]);

/** The closing words of `@sso-kit/token-provider`'s sign-in advice ("Run 'sso-kit login ...' to sign in again."). */
const SIGN_IN_ADVICE = "to sign in again.";

/**
 * The exit code and message for anything a command threw. The SSO packages' own error vocabulary decides the
 * code: errors that ask the user to sign in again (no token, expired or revoked session) give
 * {@link ExitCode.NotSignedIn}; an interrupted sign-in gives {@link ExitCode.Interrupted}; the rest give
 * {@link ExitCode.Failure} or the CLI error's own code. Messages are flattened to one line and scrubbed of
 * anything shaped like a secret, as a last line of defence.
 */
export function describeError(error: unknown): ErrorDescription {
  return { exitCode: exitCodeOf(error), message: oneLine(messageOf(error)) };
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
  if (typeof fields.reason === "string" && SIGN_IN_REASONS.has(fields.reason)) return ExitCode.NotSignedIn;
  if (typeof fields.signInCommand === "string") return ExitCode.NotSignedIn;
  if (SIGN_IN_ERROR_NAMES.has(error.name)) return ExitCode.NotSignedIn;
  // The token provider ends every "sign in again" message with its one sign-in advice sentence.
  if (error.name === "TokenProviderError" && error.message.includes(SIGN_IN_ADVICE))
    return ExitCode.NotSignedIn;
  return ExitCode.Failure;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message === "" || error.message === "UnknownError" ? "(no message)" : error.message;
  // Service exceptions carry their meaning in the name ("UnauthorizedException: Session token not found").
  return error.name.endsWith("Exception") ? `${error.name}: ${message}` : message;
}

function oneLine(text: string): string {
  return redactSecretsInText(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

function isExitCode(value: unknown): value is ExitCode {
  return typeof value === "number" && Object.values(ExitCode).includes(value as ExitCode);
}
