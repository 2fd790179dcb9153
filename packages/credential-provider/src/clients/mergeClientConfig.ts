import type { SSOClientConfig } from "@aws-sdk/client-sso";
import type { InheritedClientConfig } from "../FromSSOInit.js";

/** Where the settings of the SSO and SSO-OIDC clients come from. */
export interface ClientConfigSources {
  /** `init.clientConfig`: meant for these clients, so it wins. */
  clientConfig: SSOClientConfig | undefined;
  /** `init.parentClientConfig`: given when the provider was built. */
  parentClientConfig: InheritedClientConfig | undefined;
  /** The calling client's config: given implicitly on each call. */
  callerClientConfig: InheritedClientConfig | undefined;
}

/**
 * The one precedence for the settings of both clients `fromSSO` uses (SSO for GetRoleCredentials, SSO-OIDC for
 * token refresh): `clientConfig` > `parentClientConfig` > the caller's config, key by key, for `logger`,
 * `requestHandler` and `userAgentAppId`; every other key only from `clientConfig`. `region` is dropped: the caller
 * sets the session's `sso_region` (an outer client's region is where its service runs, not where the portal is).
 */
export const mergeClientConfig = ({
  clientConfig,
  parentClientConfig,
  callerClientConfig,
}: ClientConfigSources): SSOClientConfig => {
  const { region: _region, ...merged }: SSOClientConfig = clientConfig ?? {};
  const logger = clientConfig?.logger ?? parentClientConfig?.logger ?? callerClientConfig?.logger;
  const requestHandler =
    clientConfig?.requestHandler ?? parentClientConfig?.requestHandler ?? callerClientConfig?.requestHandler;
  const userAgentAppId =
    clientConfig?.userAgentAppId ?? parentClientConfig?.userAgentAppId ?? callerClientConfig?.userAgentAppId;
  if (logger !== undefined) merged.logger = logger;
  if (requestHandler !== undefined) merged.requestHandler = requestHandler;
  if (userAgentAppId !== undefined) merged.userAgentAppId = userAgentAppId;
  return merged;
};
