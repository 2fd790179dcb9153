import type { SSOClientConfig } from "@aws-sdk/client-sso";
import type { STSClient } from "@aws-sdk/client-sts";
import type { Logger, TokenIdentityProvider } from "@smithy/types";
import {
  boundedRequestHandler,
  configuredEndpoint,
  fromSsoSession,
  loadSharedConfig,
  SsoTokenCache,
} from "@sso-kit/token-provider/internal/core";
import { profileNameOf } from "../config/profileNameOf.js";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { createSsoClient } from "../portal/createSsoClient.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { loadStsClientModule } from "../sts/loadStsClientModule.js";
import type { SsoPortalClient } from "../portal/SsoPortalClient.js";
import { mergeClientConfig } from "./mergeClientConfig.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";

/**
 * What building a client threw: the token provider's configuration errors (a `services` setting naming no
 * section) become this provider's `InvalidConfig` ones; anything else (the SDK would not load) is left as it is.
 */
const asConfigError = (error: unknown, logger: Logger | undefined): unknown =>
  error instanceof Error && typeof (error as { tryNextLink?: unknown }).tryNextLink === "boolean"
    ? toCredentialsProviderError(error, "InvalidConfig", logger)
    : error;

/**
 * The collaborators of one provider: the SDK SSO client that sends GetRoleCredentials, the token provider of its sso-session (whose
 * SSO-OIDC client refreshes the token) and the token cache. Both SDK clients get the same settings from
 * {@link mergeClientConfig}; they are built on first use and again only when the calling client changes (SDK
 * clients pass the same config object on every call). Clients are never destroyed here: they may share the
 * caller's request handler, which destroying would close.
 */
export class ProviderClients {
  private caller: InheritedClientConfig | undefined;
  private config: SSOClientConfig;
  private portalFor: { region: string; client: Promise<SsoPortalClient> } | undefined;
  private token: { session: string; provider: TokenIdentityProvider } | undefined;
  private tokenCache: SsoTokenCache | undefined;
  private stsHandler: ReturnType<typeof boundedRequestHandler> | undefined;

  constructor(
    private readonly init: Pick<
      FromSSOInit,
      "ssoClient" | "clientConfig" | "parentClientConfig" | "profile" | "filepath" | "configFilepath"
    >,
    private readonly logger: Logger | undefined,
  ) {
    this.config = this.merge(undefined);
  }

  /** Selects the calling client's config; a different one rebuilds the clients on next use. */
  useCaller(caller: InheritedClientConfig | undefined): void {
    if (caller === this.caller) return;
    this.caller = caller;
    this.config = this.merge(caller);
    this.portalFor = undefined;
    this.token = undefined;
    this.stsHandler = undefined;
  }

  /**
   * The SSO client that sends GetRoleCredentials in `region` (the target's `sso_region`): `init.ssoClient` as
   * given, else an `SSOClient` built from the merged config with sso-kit's bounded request handler. Built on first
   * use, once per region and calling client; a failed build (the SDK would not load) is not kept.
   */
  portal(region: string): Promise<SsoPortalClient> {
    const { ssoClient } = this.init;
    if (ssoClient !== undefined) return Promise.resolve(ssoClient);
    if (this.portalFor === undefined || this.portalFor.region !== region) {
      const client = createSsoClient(region, this.config, this.init).catch((error: unknown) => {
        throw asConfigError(error, this.logger);
      });
      this.portalFor = { region, client };
      client.catch(() => {
        if (this.portalFor?.client === client) this.portalFor = undefined;
      });
    }
    return this.portalFor.client;
  }

  /**
   * An STS client for one `AssumeRole` of a role chain, signing with `credentials` (those of the hop's source),
   * in `region`. It has the merged `logger`, `requestHandler`, `userAgentAppId` and `profile` (not the rest of
   * `clientConfig`, whose `endpoint` and the like are the SSO clients'), and one bounded request handler shared by
   * every STS client of this provider and calling client; its endpoint is the one configured for STS in that
   * profile (see `configuredEndpoint`), else the region's. `@aws-sdk/client-sts` is loaded here, on first use.
   */
  async sts(region: string, useGlobalEndpoint: boolean, credentials: RoleCredentials): Promise<STSClient> {
    const { STSClient } = await loadStsClientModule();
    const { logger, userAgentAppId, requestHandler, profile } = this.config;
    this.stsHandler ??= boundedRequestHandler(requestHandler);
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    return new STSClient({
      region,
      useGlobalEndpoint,
      credentials: { accessKeyId, secretAccessKey, sessionToken },
      requestHandler: this.stsHandler,
      ...(logger !== undefined && { logger }),
      ...(userAgentAppId !== undefined && { userAgentAppId }),
      ...(profile !== undefined && {
        profile,
        ...(await configuredEndpoint(await this.sharedConfig(), profile, "sts").catch((error: unknown) => {
          throw asConfigError(error, this.logger);
        })),
      }),
    });
  }

  /** The refreshing token provider of the target's sso-session (same cache store and lock as every sso-kit tool). */
  tokenProvider(target: SessionRoleTarget): TokenIdentityProvider {
    const session = JSON.stringify([target.session.name, target.session.startUrl, target.session.region]);
    if (this.token === undefined || this.token.session !== session) {
      this.token = {
        session,
        provider: fromSsoSession({
          session: target.session,
          ...(target.profileName !== undefined && { profileName: target.profileName }),
          // The profile's endpoint settings are in the files it was read from.
          filepath: this.init.filepath,
          configFilepath: this.init.configFilepath,
          // Already merged with the one precedence; the token provider only fills keys left unset.
          clientConfig: this.config,
          cache: this.cache(),
          ...(this.logger !== undefined && { logger: this.logger }),
        }),
      };
    }
    return this.token.provider;
  }

  /**
   * The shared files the profile was read from (`filepath` / `configFilepath`), as the loader holds them now: the
   * role chain was resolved from the same reading, so no file is read again.
   */
  private sharedConfig() {
    const { filepath, configFilepath } = this.init;
    return loadSharedConfig({ filepath, configFilepath });
  }

  /** The token cache (`~/.aws/sso/cache` of the home directory when first needed). */
  cache(): SsoTokenCache {
    return (this.tokenCache ??= new SsoTokenCache({
      ...(this.logger !== undefined && { logger: this.logger }),
    }));
  }

  /**
   * {@link mergeClientConfig}, with the profile `fromSSO` reads as every client's `profile` (unless `clientConfig`
   * names one), as the AWS CLI's clients all follow the profile it runs with: the SDK then takes that profile's
   * `use_fips_endpoint`, `use_dualstack_endpoint` and other client settings, not those of `AWS_PROFILE`.
   */
  private merge(caller: InheritedClientConfig | undefined): SSOClientConfig {
    const merged = mergeClientConfig({
      clientConfig: this.init.clientConfig,
      parentClientConfig: this.init.parentClientConfig,
      callerClientConfig: caller,
    });
    return { ...merged, profile: merged.profile ?? profileNameOf(this.init, caller) };
  }
}
