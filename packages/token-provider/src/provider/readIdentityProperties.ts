import type { ParentClientConfig } from "../oidc/OidcClientFactory.js";

/** What a call of the token provider may carry, read from its `identityProperties`. */
export interface SsoTokenIdentityProperties {
  /** The calling client's config, which SDK clients pass to identity providers as `callerClientConfig`. */
  callerClientConfig?: ParentClientConfig;
  /**
   * `true` when the caller says the service rejected the token it was given (HTTP 401) although its expiry has
   * not passed: the token is refreshed now instead of being handed out again.
   */
  forceRefresh?: boolean;
  /**
   * The access token the service rejected (with `forceRefresh`): when the cache already holds another one, a
   * refresh by another caller or process got it, and it is used without calling `CreateToken` again.
   */
  rejectedToken?: string;
}

/**
 * The properties sso-kit's token providers act on, read from what the caller passed (anything may arrive there:
 * each value is checked, never cast). A `rejectedToken` counts only with `forceRefresh: true`.
 */
export const readIdentityProperties = (
  identityProperties: Record<string, unknown> | undefined,
): SsoTokenIdentityProperties => {
  const caller = identityProperties?.callerClientConfig;
  const forceRefresh = identityProperties?.forceRefresh === true;
  const rejected = identityProperties?.rejectedToken;
  return {
    ...(caller !== null &&
      typeof caller === "object" && { callerClientConfig: caller as ParentClientConfig }),
    ...(forceRefresh && { forceRefresh }),
    ...(forceRefresh && typeof rejected === "string" && rejected !== "" && { rejectedToken: rejected }),
  };
};
