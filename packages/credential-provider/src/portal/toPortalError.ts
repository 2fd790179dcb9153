import type { Logger } from "@smithy/types";
import {
  classifyServiceFailure,
  describeError,
  redactSecrets,
  signInAdvice,
  signInCommand,
} from "@sso-kit/token-provider/internal";
import type { RoleTarget } from "../config/RoleTarget.js";
import { signInTargetOf } from "../config/signInTargetOf.js";
import { describeTarget } from "../config/describeTarget.js";
import {
  SsoCredentialsProviderError,
  type SsoCredentialsProviderErrorOptions,
} from "../errors/SsoCredentialsProviderError.js";

/**
 * Turns a failed GetRoleCredentials call of the SDK client into a typed error. Throttling, 5xx, network failures
 * and attempts cut off by the bounded request handler's deadline have already been retried (standard retry
 * strategy, bounded attempts); what arrives here is final. A reply over the handler's size cap is not retried and
 * reads as a service failure too: nothing held is thrown away, and trying again later is the remedy.
 *
 * The service's words are quoted through `describeError` of `@sso-kit/token-provider` with `accessToken` (the one
 * secret the call sent), so a portal or proxy that echoes the token back never gets it into the message or the
 * debug log line; so is any of `otherSecrets` (a token this call's token replaced, which a portal may still quote).
 */
export const toPortalError = (
  error: unknown,
  target: RoleTarget,
  accessToken: string,
  logger: Logger | undefined,
  otherSecrets: readonly string[] = [],
): SsoCredentialsProviderError => {
  const secrets = [accessToken, ...otherSecrets];
  const { name, status, attempts, fromSdk, systemCode, throttled } = classifyServiceFailure(error);
  const what = describeTarget(target);
  const said = describeError(error, secrets);
  // The whole message is redacted too: nothing else in it may carry the token either.
  const fail = (message: string, options: Omit<SsoCredentialsProviderErrorOptions, "cause" | "logger">) =>
    new SsoCredentialsProviderError(redactSecrets(message, secrets), {
      ...options,
      cause: error,
      logger,
    });
  if (name === "UnauthorizedException" || status === 401) {
    return fail(
      `The SSO access token for ${what} was rejected by the portal (${said}): the SSO session has expired or ` +
        `was signed out. ${signInAdvice(signInTargetOf(target))}`,
      { reason: "Unauthorized", signInCommand: signInCommand(signInTargetOf(target)) },
    );
  }
  if (name === "ResourceNotFoundException") {
    return fail(
      `GetRoleCredentials found no ${what} for this SSO session (${said}). Check sso_account_id and sso_role_name.`,
      { reason: "ServiceError" },
    );
  }
  if (name === "ReplyTooLargeError") {
    return fail(`GetRoleCredentials for ${what} failed (${said}). Try again later.`, {
      reason: "ServiceUnavailable",
    });
  }
  const transient = throttled || systemCode !== undefined || (status !== undefined ? status >= 500 : fromSdk);
  if (transient) {
    const tries = attempts !== undefined ? ` after ${attempts} attempt${attempts === 1 ? "" : "s"}` : "";
    return fail(
      `GetRoleCredentials for ${what} failed${tries} (${said}). The portal is throttling or unavailable; ` +
        `try again later.`,
      { reason: "ServiceUnavailable" },
    );
  }
  if (status !== undefined && status >= 200 && status < 300) {
    // Only the error's name: what the SDK says about a reply it could not read may quote that reply, which
    // holds the temporary credentials.
    return fail(
      `GetRoleCredentials returned invalid temporary credentials for ${what}: the reply could not be read (${name}).`,
      { reason: "InvalidCredentials" },
    );
  }
  return fail(`GetRoleCredentials for ${what} failed (${said}).`, { reason: "ServiceError" });
};
