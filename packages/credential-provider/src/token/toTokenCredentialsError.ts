import type { Logger } from "@smithy/types";
import { signInCommand } from "@sso-kit/token-provider/internal/core";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import { signInTargetOf } from "../config/signInTargetOf.js";
import type { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";

/**
 * The credential error for a failure of the sso-session's token provider, decided by its `reason`: a failing
 * service stays `ServiceUnavailable` (try again), a wrong endpoint or file is `InvalidConfig`, and only an ended
 * session carries the sign-in command, with `ended` as its reason (`Token`, or `Unauthorized` when the portal had
 * rejected the token that could not be refreshed).
 */
export const toTokenCredentialsError = (
  error: unknown,
  target: SessionRoleTarget,
  logger: Logger | undefined,
  ended: "Token" | "Unauthorized" = "Token",
): SsoCredentialsProviderError => {
  const { reason, signInCommand: command } = (typeof error === "object" && error !== null ? error : {}) as {
    reason?: unknown;
    signInCommand?: unknown;
  };
  if (reason === "ServiceUnavailable" || reason === "Misconfigured") {
    return toCredentialsProviderError(
      error,
      reason === "ServiceUnavailable" ? "ServiceUnavailable" : "InvalidConfig",
      logger,
    );
  }
  const signIn = reason === "SessionEnded" || typeof command === "string";
  return toCredentialsProviderError(
    error,
    ended,
    logger,
    signIn ? signInCommand(signInTargetOf(target)) : undefined,
  );
};
