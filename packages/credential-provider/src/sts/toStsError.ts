import type { Logger } from "@smithy/types";
import { classifyServiceFailure, describeError, redactSecrets } from "@sso-kit/token-provider/internal";
import type { RoleHop } from "../config/RoleHop.js";
import {
  SsoCredentialsProviderError,
  type SsoCredentialsProviderErrorOptions,
} from "../errors/SsoCredentialsProviderError.js";

/** The source credentials were not accepted: they expired, or were revoked, since they were fetched. */
const SOURCE_REJECTED = new Set(["ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId"]);

/** Whether an `AssumeRole` failure was the source credentials' rejection (their holder should drop them). */
export const isSourceRejected = (error: unknown): boolean =>
  error instanceof SsoCredentialsProviderError &&
  SOURCE_REJECTED.has(classifyServiceFailure(error.cause).name);

/**
 * Turns a failed `AssumeRole` call of the STS client into a typed error, in the vocabulary of GetRoleCredentials
 * failures (see `toPortalError`): a denial is a permission or configuration problem naming the role and profile
 * (signing in again would not help); rejected source credentials, throttling, 5xx and network failures are
 * `ServiceUnavailable` (try again: new source credentials are fetched then). `secrets` (the source credentials'
 * secret key and session token) are redacted from everything quoted.
 */
export const toStsError = (
  error: unknown,
  hop: RoleHop,
  secrets: readonly string[],
  logger: Logger | undefined,
): SsoCredentialsProviderError => {
  const { name, status, attempts, fromSdk, systemCode, throttled } = classifyServiceFailure(error);
  const what = `AssumeRole of ${hop.roleArn} (profile '${hop.profileName}')`;
  const said = describeError(error, [...secrets]);
  const fail = (message: string, options: Omit<SsoCredentialsProviderErrorOptions, "cause" | "logger">) =>
    new SsoCredentialsProviderError(redactSecrets(message, [...secrets]), {
      ...options,
      cause: error,
      logger,
    });
  if (name === "AccessDenied" || name === "AccessDeniedException") {
    return fail(
      `${what} was denied (${said}). The role must trust the credentials of the profile's source_profile, and ` +
        `external_id and mfa_serial must meet its conditions: check role_arn, external_id and mfa_serial of ` +
        `profile '${hop.profileName}' and the role's trust policy.`,
      { reason: "ServiceError" },
    );
  }
  if (
    name === "ValidationError" ||
    // The SDK names the modelled error by its shape (`...Exception`), the wire by its code.
    name === "MalformedPolicyDocument" ||
    name === "MalformedPolicyDocumentException" ||
    name === "RegionDisabledException"
  ) {
    return fail(
      `${what} was refused (${said}). Check role_arn, role_session_name and duration_seconds of profile ` +
        `'${hop.profileName}'.`,
      { reason: "InvalidConfig" },
    );
  }
  if (name === "ReplyTooLargeError") {
    return fail(`${what} failed (${said}). Try again later.`, { reason: "ServiceUnavailable" });
  }
  const transient =
    SOURCE_REJECTED.has(name) ||
    throttled ||
    systemCode !== undefined ||
    (status !== undefined ? status >= 500 : fromSdk);
  if (transient) {
    const tries = attempts !== undefined ? ` after ${attempts} attempt${attempts === 1 ? "" : "s"}` : "";
    return fail(
      `${what} failed${tries} (${said}). STS rejected the source credentials, is throttling or is ` +
        `unavailable; try again.`,
      { reason: "ServiceUnavailable" },
    );
  }
  if (status !== undefined && status >= 200 && status < 300) {
    // Only the error's name: what the SDK says about a reply it could not read may quote that reply.
    return fail(`AssumeRole returned an unreadable reply for ${hop.roleArn} (${name}).`, {
      reason: "InvalidCredentials",
    });
  }
  return fail(`${what} failed (${said}).`, { reason: "ServiceError" });
};
