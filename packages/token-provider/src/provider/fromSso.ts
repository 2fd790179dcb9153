import type { SSOOIDCClientConfig } from "@aws-sdk/client-sso-oidc";
import type { Logger, TokenIdentity, TokenIdentityProvider } from "@smithy/types";
import { SsoTokenCache } from "../cache/SsoTokenCache.js";
import { resolveSsoProfile } from "../config/resolveSsoProfile.js";
import { OidcClientFactory, type ParentClientConfig } from "../oidc/OidcClientFactory.js";
import { getSessionToken } from "./getSessionToken.js";
import { readIdentityProperties } from "./readIdentityProperties.js";
import { DEFAULT_REFRESH_WINDOW_MS } from "./refreshState.js";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/** Options of {@link fromSso}: those of `@aws-sdk/token-providers` `fromSso`, plus `refreshWindowMs`. */
export interface FromSsoInit {
  /** Profile to use; then `parentClientConfig.profile`, the calling client's profile, `AWS_PROFILE`, `default`. */
  profile?: string | undefined;
  /** Shared credentials file [`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`]; `~/` is expanded. */
  filepath?: string | undefined;
  /** Shared config file [`AWS_CONFIG_FILE` or `~/.aws/config`]; `~/` is expanded. */
  configFilepath?: string | undefined;
  /** Re-read the config files on every call instead of using the loader's cached copy. */
  ignoreCache?: boolean | undefined;
  /**
   * SSO-OIDC client configuration for refreshes, used as given except `region` (always the sso-session's
   * `sso_region`). Its `logger`, `requestHandler` and `userAgentAppId` win over `parentClientConfig`'s.
   */
  clientConfig?: Partial<SSOOIDCClientConfig> | undefined;
  /** Configuration of the client using the provider: supplies `profile`, `logger`, `requestHandler`, `userAgentAppId`. */
  parentClientConfig?: ParentClientConfig | undefined;
  /** Receives the provider's debug lines and warnings (never secrets). */
  logger?: Logger | undefined;
  /** Refresh tokens that expire within this many milliseconds [300000 = 5 min]. */
  refreshWindowMs?: number | undefined;
}

/**
 * A drop-in replacement for `fromSso` of `@aws-sdk/token-providers`: resolves the profile's `sso_session`, reads
 * the token from `~/.aws/sso/cache`, refreshes it through SSO-OIDC when it expires within the refresh window
 * (once across processes, under the cache lock) and writes it back atomically. Called with
 * `{ forceRefresh: true, rejectedToken }` after the service rejected a token before its expiry, it refreshes that
 * token (or uses the one another caller or process already got in its place).
 *
 * @throws TokenProviderError: `tryNextLink: true` when the profile is missing or has no `sso_session`;
 *   otherwise `false`, with a message naming the cause and `sso-kit login --profile <p>`.
 */
export const fromSso = (init: FromSsoInit = {}): TokenIdentityProvider => {
  const oidc = new OidcClientFactory({
    clientConfig: init.clientConfig,
    parentClientConfig: init.parentClientConfig,
    files: init,
  });
  return async (identityProperties?: Record<string, unknown>): Promise<TokenIdentity> => {
    const { logger } = init;
    logger?.debug?.("@sso-kit/token-provider - fromSso");
    const properties = readIdentityProperties(identityProperties);
    const profile = await resolveSsoProfile({
      ...(init.filepath !== undefined && { filepath: init.filepath }),
      ...(init.configFilepath !== undefined && { configFilepath: init.configFilepath }),
      ...(init.ignoreCache !== undefined && { ignoreCache: init.ignoreCache }),
      ...(init.profile !== undefined && { profile: init.profile }),
      parentClientConfig: {
        profile: init.parentClientConfig?.profile ?? properties.callerClientConfig?.profile,
      },
      ...(logger !== undefined && { logger }),
    });
    if (profile.kind !== "sso-session") {
      throw await tokenProviderError(
        `Profile '${profile.profileName}' is missing required property 'sso_session'. Token-based (refreshable) sign-in needs an [sso-session] section; run 'sso-kit login --profile ${profile.profileName}' after adding 'sso_session = <name>' to the profile.`,
        { tryNextLink: true, logger, reason: "Misconfigured" },
      );
    }
    // The cache directory follows the home directory of each call, like the official provider.
    const cache = new SsoTokenCache({ ...(logger !== undefined && { logger }) });
    return getSessionToken({
      session: profile.session,
      profileName: profile.profileName,
      cache,
      oidc,
      refreshWindowMs: init.refreshWindowMs ?? DEFAULT_REFRESH_WINDOW_MS,
      ...(logger !== undefined && { logger }),
      ...properties,
    });
  };
};
