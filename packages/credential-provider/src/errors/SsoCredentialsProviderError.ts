import { CredentialsProviderError } from "@smithy/property-provider";
import type { Logger } from "@smithy/types";

/**
 * Why `fromSSO` could not produce credentials. Callers branch on this instead of parsing messages.
 *
 * - `NotApplicable`: the profile is missing, is not an SSO profile, or only resolves an SSO access token (no
 *   `sso_account_id`/`sso_role_name`). The only reason with `tryNextLink: true`: a credential chain moves on.
 * - `InvalidConfig`: the SSO configuration (profile, `[sso-session]` section or `fromSSO` options) is incomplete
 *   or contradicts itself.
 * - `Token`: no usable SSO access token: none cached, expired, unreadable, or it could not be refreshed.
 * - `Unauthorized`: the portal rejected the access token (expired or revoked server-side): sign in again.
 * - `InvalidCredentials`: GetRoleCredentials answered without a complete set of temporary credentials.
 * - `ServiceUnavailable`: throttling, a 5xx or a network failure that persisted through the SDK client's retries.
 * - `ServiceError`: any other GetRoleCredentials failure (for example no such account or role).
 */
export type SsoCredentialsErrorReason =
  | "NotApplicable"
  | "InvalidConfig"
  | "Token"
  | "Unauthorized"
  | "InvalidCredentials"
  | "ServiceUnavailable"
  | "ServiceError";

/** Options of {@link SsoCredentialsProviderError}. */
export interface SsoCredentialsProviderErrorOptions {
  /** Why credentials could not be produced. */
  reason: SsoCredentialsErrorReason;
  /** Whether a credential chain may try its next provider; `false` unless given. */
  tryNextLink?: boolean;
  /** The command that signs the user in again, when signing in again is the fix. */
  signInCommand?: string;
  /** The underlying error (an SDK service exception, a `TokenProviderError`, ...). */
  cause?: unknown;
  /** Receives the message at debug level, as every `ProviderError` does. */
  logger?: Logger;
}

/**
 * The one error type `fromSSO` throws. It is a `CredentialsProviderError` (same `name`, same `tryNextLink`
 * semantics), so chains and code written for the official provider keep working, with a typed `reason`, the exact
 * sign-in command when that is the fix, and the underlying error as `cause`. Messages never contain secrets.
 */
export class SsoCredentialsProviderError extends CredentialsProviderError {
  /** Why credentials could not be produced. */
  readonly reason: SsoCredentialsErrorReason;
  /** The command that signs the user in again (e.g. `sso-kit login --profile dev`), when that is the fix. */
  readonly signInCommand: string | undefined;

  constructor(message: string, options: SsoCredentialsProviderErrorOptions) {
    super(message, { tryNextLink: options.tryNextLink ?? false, logger: options.logger });
    Object.setPrototypeOf(this, SsoCredentialsProviderError.prototype);
    this.reason = options.reason;
    this.signInCommand = options.signInCommand;
    if (options.cause !== undefined) {
      this.cause = options.cause;
    }
  }
}
