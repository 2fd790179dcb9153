import type { Logger } from "@smithy/types";
import {
  SsoCredentialsProviderError,
  type SsoCredentialsErrorReason,
} from "./SsoCredentialsProviderError.js";

/** Duck-typed: a second copy of `@smithy/core` in node_modules has its own `ProviderError` class. */
const isProviderError = (error: unknown): error is Error & { tryNextLink: boolean } =>
  error instanceof Error && typeof (error as { tryNextLink?: unknown }).tryNextLink === "boolean";

/**
 * The one place where errors of `@sso-kit/token-provider` (config resolution, token cache, token refresh) become
 * credential errors. A `TokenProviderError` keeps its message and `tryNextLink` and becomes the `cause` (its own
 * `cause` stays reachable through it); `tryNextLink: true` always means `NotApplicable`, otherwise `reason` says
 * which stage failed. Anything else (a bug, an fs error) is wrapped without quoting its message, which could quote
 * a file's content. `signInCommand` is attached when signing in again is the fix for that stage (token errors).
 */
export const toCredentialsProviderError = (
  error: unknown,
  reason: Exclude<SsoCredentialsErrorReason, "NotApplicable">,
  logger: Logger | undefined,
  signInCommand?: string,
): SsoCredentialsProviderError => {
  if (error instanceof SsoCredentialsProviderError) {
    return error;
  }
  if (isProviderError(error)) {
    return new SsoCredentialsProviderError(error.message, {
      reason: error.tryNextLink ? "NotApplicable" : reason,
      tryNextLink: error.tryNextLink,
      ...(signInCommand !== undefined && !error.tryNextLink && { signInCommand }),
      cause: error,
      logger,
    });
  }
  const kind = error instanceof Error ? error.name : typeof error;
  const stage = reason === "InvalidConfig" ? "reading the SSO configuration" : "getting the SSO access token";
  return new SsoCredentialsProviderError(`Unexpected ${kind} while ${stage}; see the error's cause.`, {
    reason,
    tryNextLink: false,
    ...(signInCommand !== undefined && { signInCommand }),
    cause: error,
    logger,
  });
};
