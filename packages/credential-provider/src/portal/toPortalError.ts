import type { Logger } from "@smithy/types";
import { signInAdvice, signInCommand } from "@sso-kit/token-provider";
import type { RoleTarget } from "../config/RoleTarget.js";
import { signInTargetOf } from "../config/signInTargetOf.js";
import { describeTarget } from "../config/describeTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";

/** What an SDK client error carries that matters here; read defensively (any thrown value may arrive). */
interface SdkErrorShape {
  name: string;
  message: string;
  status: number | undefined;
  attempts: number | undefined;
  /** Went through the SDK client's middleware (network failures have `$metadata` but no status). */
  fromSdk: boolean;
}

const readSdkError = (error: unknown): SdkErrorShape => {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: "", status: undefined, attempts: undefined, fromSdk: false };
  }
  const metadata = (error as { $metadata?: unknown }).$metadata;
  const meta = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>) : {};
  return {
    name: error.name,
    message: error.message,
    status: typeof meta.httpStatusCode === "number" ? meta.httpStatusCode : undefined,
    attempts: typeof meta.attempts === "number" ? meta.attempts : undefined,
    fromSdk: metadata !== undefined,
  };
};

const THROTTLING = new Set(["TooManyRequestsException", "ThrottlingException", "Throttling"]);

/**
 * Turns a failed GetRoleCredentials call into a typed error. The SDK client has already retried throttling, 5xx
 * and network failures (standard retry strategy, bounded attempts); what arrives here is final.
 */
export const toPortalError = (
  error: unknown,
  target: RoleTarget,
  logger: Logger | undefined,
): SsoCredentialsProviderError => {
  const { name, message, status, attempts, fromSdk } = readSdkError(error);
  const what = describeTarget(target);
  const said = message.length > 0 ? `${name}: ${message}` : name;
  if (name === "UnauthorizedException" || status === 401) {
    return new SsoCredentialsProviderError(
      `The SSO access token for ${what} was rejected by the portal (${said}): the SSO session has expired or ` +
        `was signed out. ${signInAdvice(signInTargetOf(target))}`,
      { reason: "Unauthorized", signInCommand: signInCommand(signInTargetOf(target)), cause: error, logger },
    );
  }
  if (name === "ResourceNotFoundException") {
    return new SsoCredentialsProviderError(
      `GetRoleCredentials found no ${what} for this SSO session (${said}). ` +
        `Check sso_account_id and sso_role_name.`,
      { reason: "ServiceError", cause: error, logger },
    );
  }
  const transient =
    THROTTLING.has(name) || status === 429 || (status !== undefined ? status >= 500 : fromSdk);
  if (transient) {
    const tries = attempts !== undefined ? ` after ${attempts} attempt${attempts === 1 ? "" : "s"}` : "";
    return new SsoCredentialsProviderError(
      `GetRoleCredentials for ${what} failed${tries} (${said}). The portal is throttling or unavailable; ` +
        `try again later.`,
      { reason: "ServiceUnavailable", cause: error, logger },
    );
  }
  if (status !== undefined && status >= 200 && status < 300) {
    return new SsoCredentialsProviderError(
      `GetRoleCredentials returned invalid temporary credentials for ${what}: the reply could not be read (${name}).`,
      { reason: "InvalidCredentials", cause: error, logger },
    );
  }
  return new SsoCredentialsProviderError(`GetRoleCredentials for ${what} failed (${said}).`, {
    reason: "ServiceError",
    cause: error,
    logger,
  });
};
