import type { SSOOIDCClientConfig } from "@aws-sdk/client-sso-oidc";
import type { Logger, TokenIdentity, TokenIdentityProvider } from "@smithy/types";
import { SsoTokenCache } from "../cache/SsoTokenCache.js";
import type { SsoSession } from "../config/SsoProfile.js";
import { OidcClientFactory, type ParentClientConfig } from "../oidc/OidcClientFactory.js";
import { getSessionToken } from "./getSessionToken.js";
import { readIdentityProperties } from "./readIdentityProperties.js";
import { DEFAULT_REFRESH_WINDOW_MS } from "./refreshState.js";

/** Options of {@link fromSsoSession}. */
export interface FromSsoSessionInit {
  /** The session whose cached token to use (no `[sso-session]` section is read). */
  session: SsoSession;
  /**
   * Profile to name in messages (`sso-kit login --profile <p>`); without it they name the session. Its endpoint
   * settings (`endpoint_url`, `services`) apply to SSO-OIDC, as its `[sso-session]` section is its own.
   */
  profileName?: string | undefined;
  /**
   * Shared credentials file holding `profileName` [`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`]; read
   * only for its endpoint settings. `~/` is expanded.
   */
  filepath?: string | undefined;
  /**
   * Shared config file holding `profileName` [`AWS_CONFIG_FILE` or `~/.aws/config`]; read only for its endpoint
   * settings. `~/` is expanded.
   */
  configFilepath?: string | undefined;
  /**
   * SSO-OIDC client configuration for refreshes, used as given except `region` (always the session's
   * `sso_region`). Its `logger`, `requestHandler` and `userAgentAppId` win over `parentClientConfig`'s.
   */
  clientConfig?: Partial<SSOOIDCClientConfig> | undefined;
  /** Configuration of the client using the provider: supplies `logger`, `requestHandler`, `userAgentAppId`. */
  parentClientConfig?: ParentClientConfig | undefined;
  /** Receives the provider's debug lines and warnings (never secrets). */
  logger?: Logger | undefined;
  /** Refresh tokens that expire within this many milliseconds [300000 = 5 min]. */
  refreshWindowMs?: number | undefined;
  /** The token cache [a new {@link SsoTokenCache} on `~/.aws/sso/cache`, resolved when the provider is created]. */
  cache?: SsoTokenCache | undefined;
}

/**
 * A token provider for an explicit sso-session: reads its token from the cache, refreshes it through SSO-OIDC
 * `CreateToken` when it expires within the refresh window (once across processes, under the cache lock), writes
 * it back atomically, and fails with a `TokenProviderError` that names the cause and the sign-in command.
 * Called with `{ forceRefresh: true, rejectedToken }` after the service rejected a token before its expiry, it
 * refreshes that token (or uses the one another caller or process already got in its place).
 */
export const fromSsoSession = (init: FromSsoSessionInit): TokenIdentityProvider => {
  const cache = init.cache ?? new SsoTokenCache({ logger: init.logger });
  const oidc = new OidcClientFactory({
    clientConfig: init.clientConfig,
    parentClientConfig: init.parentClientConfig,
    files: init,
  });
  return async (identityProperties?: Record<string, unknown>): Promise<TokenIdentity> => {
    init.logger?.debug?.("@sso-kit/token-provider - fromSsoSession");
    return getSessionToken({
      session: init.session,
      ...(init.profileName !== undefined && { profileName: init.profileName }),
      cache,
      oidc,
      refreshWindowMs: init.refreshWindowMs ?? DEFAULT_REFRESH_WINDOW_MS,
      ...(init.logger !== undefined && { logger: init.logger }),
      ...readIdentityProperties(identityProperties),
    });
  };
};
