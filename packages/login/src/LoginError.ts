import { escapeControlCharacters } from "@sso-kit/token-provider/internal";

/**
 * Why a sign-in or sign-out failed. Stable values: the CLI maps them to messages and exit codes.
 *
 * - `InvalidConfig`: the profile or sso-session is missing, is not an SSO one, or the options contradict it.
 * - `AccessDenied`: the user (or the service) refused the authorization.
 * - `AuthorizationExpired`: the pending authorization (device code or authorization code) expired.
 * - `StateMismatch`: no longer raised (a callback with another `state` is answered 400 and ignored, so that no
 *   local process can end a sign-in); kept so that code branching on it still compiles.
 * - `Timeout`: nobody approved the sign-in within the allowed time.
 * - `Aborted`: the caller's `AbortSignal` fired.
 * - `ServiceError`: IAM Identity Center answered with an error, or could not be reached.
 * - `InvalidResponse`: IAM Identity Center answered with something that is not a valid reply.
 * - `CacheError`: the token or registration could not be read from or written to `~/.aws/sso/cache`.
 */
export type LoginErrorCode =
  | "InvalidConfig"
  | "AccessDenied"
  | "AuthorizationExpired"
  | "StateMismatch"
  | "Timeout"
  | "Aborted"
  | "ServiceError"
  | "InvalidResponse"
  | "CacheError";

/**
 * The one error type `login` and `logout` throw. A sign-in is interactive and is not part of a credential
 * chain, so `tryNextLink` (the point of `TokenProviderError`) has no meaning here; callers need the `code`
 * instead. The message is a single line that says what to do, never holds a token or a client secret, and has
 * every terminal control character escaped (see `escapeControlCharacters`);
 * the original error, when there is one, is kept in `cause`.
 */
export class LoginError extends Error {
  override readonly name = "LoginError";

  /** What went wrong, as a stable value to branch on. */
  readonly code: LoginErrorCode;

  constructor(code: LoginErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** One line, with any control character a server slipped into it made visible (it is printed on terminals). */
function oneLine(message: string): string {
  return escapeControlCharacters(message.replace(/\s*[\r\n]+\s*/g, " ").trim());
}
