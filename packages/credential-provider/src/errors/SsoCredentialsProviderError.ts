import type { CredentialsProviderError } from "@smithy/property-provider";
import type { Logger } from "@smithy/types";
import { loadProviderErrors } from "@sso-kit/token-provider/internal/core";

/**
 * Why `fromSSO` could not produce credentials. Callers branch on this instead of parsing messages.
 *
 * - `NotApplicable`: the profile is missing or is not an SSO profile, or its role chain (`role_arn` +
 *   `source_profile`) ends in no SSO profile. The only reason with `tryNextLink: true`: a credential chain
 *   moves on.
 * - `InvalidConfig`: the SSO configuration (profile, `[sso-session]` section, role chain or `fromSSO` options)
 *   is incomplete or contradicts itself, or the profile only resolves an SSO access token (no
 *   `sso_account_id`/`sso_role_name`), or STS refused an `AssumeRole`'s parameters, or the SSO-OIDC endpoint a
 *   token refresh went to is not SSO-OIDC (it answered with an HTML page or a redirect: the message names the
 *   URL).
 * - `Token`: no usable SSO session: no token cached, an expired token that cannot be refreshed (the refresh token
 *   or client registration was rejected or expired), an unusable token file. Signing in again is the fix.
 * - `Unauthorized`: the portal rejected the access token (expired or revoked server-side): sign in again.
 * - `InvalidCredentials`: GetRoleCredentials or AssumeRole answered without a complete set of temporary
 *   credentials.
 * - `ServiceUnavailable`: throttling, a 5xx, a timeout or a network failure that persisted through the retries
 *   (3 attempts), of GetRoleCredentials or of the token refresh (SSO-OIDC CreateToken, which also counts a reply
 *   that cannot be used), or STS rejecting a chain's source credentials (they are fetched anew next time). The
 *   SSO session may be fine: try again; nothing cached was thrown away.
 * - `ServiceError`: any other GetRoleCredentials or AssumeRole failure (for example no such account or role, or a
 *   role whose trust policy denies the chain's source).
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
  tryNextLink?: boolean | undefined;
  /** The command that signs the user in again, when signing in again is the fix. */
  signInCommand?: string | undefined;
  /** The underlying error (an SDK service exception, a `TokenProviderError`, ...). */
  cause?: unknown | undefined;
  /** Receives the message at debug level, as every `ProviderError` does. */
  logger?: Logger | undefined;
}

/**
 * The one error type `fromSSO` throws. It is a `CredentialsProviderError` (same `name`, same `tryNextLink`
 * semantics), so chains and code written for the official provider keep working, with a typed `reason`, the exact
 * sign-in command when that is the fix, and the underlying error as `cause`. Messages never contain secrets.
 *
 * Its base class is attached when a provider first runs ({@link adoptCredentialsProviderError}), not when this
 * module loads: loading `@smithy/property-provider` on its own costs more than all of sso-kit's import, and by a
 * provider's first run most of it (`@smithy/core`'s config modules) is loaded anyway for the shared config files.
 * Every error is made after that, since only a running provider throws.
 */
export class SsoCredentialsProviderError extends (Error as unknown as typeof CredentialsProviderError) {
  /** Why credentials could not be produced. */
  readonly reason: SsoCredentialsErrorReason;
  /** The command that signs the user in again (e.g. `sso-kit login --profile dev`), when that is the fix. */
  readonly signInCommand: string | undefined;

  constructor(message: string, options: SsoCredentialsProviderErrorOptions) {
    const tryNextLink = options.tryNextLink ?? false;
    super(message, { tryNextLink, logger: options.logger });
    // The smithy base sets its own prototype on the instance; this class's must win.
    Object.setPrototypeOf(this, SsoCredentialsProviderError.prototype);
    // Set by the smithy base too; repeated for an error made before adoption, whose base is still Error.
    this.name = "CredentialsProviderError";
    (this as { tryNextLink: boolean }).tryNextLink = tryNextLink;
    this.reason = options.reason;
    this.signInCommand = options.signInCommand;
    if (options.cause !== undefined) {
      this.cause = options.cause;
    }
  }
}

let adopted: Promise<void> | undefined;

/**
 * Makes {@link SsoCredentialsProviderError} a subclass of `CredentialsProviderError` of `@smithy/property-provider`
 * (loading it once), so that `instanceof CredentialsProviderError`, `ProviderError.from` and the debug line every
 * `ProviderError` logs hold for every error made afterwards. Each provider awaits it before its first step.
 */
export const adoptCredentialsProviderError = (): Promise<void> =>
  (adopted ??= loadProviderErrors().then(
    ({ CredentialsProviderError }) => {
      Object.setPrototypeOf(SsoCredentialsProviderError, CredentialsProviderError);
      Object.setPrototypeOf(SsoCredentialsProviderError.prototype, CredentialsProviderError.prototype);
    },
    (error: unknown) => {
      adopted = undefined;
      throw error;
    },
  ));
