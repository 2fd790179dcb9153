import type { SSOClientConfig } from "@aws-sdk/client-sso";
import type { Logger, TokenIdentityProvider } from "@smithy/types";
import { fromSsoSession, SsoTokenCache } from "@sso-kit/token-provider/internal";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { createSsoClient } from "../portal/createSsoClient.js";
import { httpPortalTransport } from "../portal/http/httpPortalTransport.js";
import type { PortalTransport } from "../portal/PortalTransport.js";
import { sdkPortalTransport } from "../portal/sdkPortalTransport.js";
import { choosePortalTransport } from "./choosePortalTransport.js";
import { mergeClientConfig } from "./mergeClientConfig.js";
import { readSharedConfigKeys } from "./readSharedConfigKeys.js";

const LOG = "@sso-kit/credential-provider -";

/**
 * The collaborators of one provider: the GetRoleCredentials transport (the lean `node:http(s)` one when
 * {@link choosePortalTransport} allows it, else an SDK SSO client), the token provider of its sso-session (whose
 * SSO-OIDC client refreshes the token) and the token cache. Both SDK clients get the same settings from
 * {@link mergeClientConfig}; they are built on first use and again only when the calling client changes (SDK
 * clients pass the same config object on every call). Clients are never destroyed here: they may share the
 * caller's request handler, which destroying would close.
 */
export class ProviderClients {
  private caller: InheritedClientConfig | undefined;
  private config: SSOClientConfig;
  private portalFor: { region: string; transport: Promise<PortalTransport> } | undefined;
  private token: { session: string; provider: TokenIdentityProvider } | undefined;
  private tokenCache: SsoTokenCache | undefined;

  constructor(
    private readonly init: Pick<FromSSOInit, "ssoClient" | "clientConfig" | "parentClientConfig">,
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
  }

  /**
   * How GetRoleCredentials is sent in `region` (the target's `sso_region`): `init.ssoClient` as given; else the
   * lean transport when it does exactly what the SDK client would; else an SDK SSO client built from the merged
   * config. Chosen once per region and calling client; a failed choice (the SDK would not load) is not kept.
   */
  portal(region: string): Promise<PortalTransport> {
    if (this.portalFor === undefined || this.portalFor.region !== region) {
      const transport = this.choosePortal(region);
      this.portalFor = { region, transport };
      transport.catch(() => {
        if (this.portalFor?.transport === transport) this.portalFor = undefined;
      });
    }
    return this.portalFor.transport;
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
          // Already merged with the one precedence; the token provider only fills keys left unset.
          clientConfig: this.config,
          cache: this.cache(),
          ...(this.logger !== undefined && { logger: this.logger }),
        }),
      };
    }
    return this.token.provider;
  }

  /** The token cache (`~/.aws/sso/cache` of the home directory when first needed). */
  cache(): SsoTokenCache {
    return (this.tokenCache ??= new SsoTokenCache({
      ...(this.logger !== undefined && { logger: this.logger }),
    }));
  }

  private async choosePortal(region: string): Promise<PortalTransport> {
    const { ssoClient } = this.init;
    const choice = choosePortalTransport({
      ssoClient: ssoClient !== undefined,
      config: this.config,
      region,
      env: process.env,
      sharedConfigKeys: ssoClient === undefined ? await readSharedConfigKeys(process.env) : new Set(),
    });
    if (choice.transport === "http") {
      const { protocol, hostname } = choice.settings.endpoint;
      this.logger?.debug?.(`${LOG} GetRoleCredentials through node:${protocol.slice(0, -1)} to ${hostname}`);
      return httpPortalTransport(choice.settings);
    }
    this.logger?.debug?.(`${LOG} GetRoleCredentials through @aws-sdk/client-sso: ${choice.because}`);
    return sdkPortalTransport(ssoClient ?? (await createSsoClient(region, this.config)));
  }

  private merge(caller: InheritedClientConfig | undefined): SSOClientConfig {
    return mergeClientConfig({
      clientConfig: this.init.clientConfig,
      parentClientConfig: this.init.parentClientConfig,
      callerClientConfig: caller,
    });
  }
}
