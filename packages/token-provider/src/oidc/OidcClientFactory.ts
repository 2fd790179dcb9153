import type { SSOOIDCClient, SSOOIDCClientConfig } from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";
import { configuredEndpoint } from "../config/configuredEndpoint.js";
import { loadSharedConfig } from "../config/loadSharedConfig.js";
import type { SharedConfigInit } from "../config/SharedConfigInit.js";
import { boundedRequestHandler } from "../http/boundedRequestHandler.js";
import { loadOidcClientModule } from "./loadOidcClientModule.js";

/** Configuration of the client that uses the token provider (e.g. `client.config`); only some keys are used. */
export interface ParentClientConfig {
  /** The calling client's profile: second choice for the profile name. */
  profile?: string | undefined;
  /** The calling client's logger, used by the SSO-OIDC client unless `clientConfig.logger` is set. */
  logger?: Logger | undefined;
  /** The calling client's HTTP handler, shared by the SSO-OIDC client unless `clientConfig.requestHandler` is set. */
  requestHandler?: unknown | undefined;
  /** The calling client's app id for the user agent, unless `clientConfig.userAgentAppId` is set. */
  userAgentAppId?: unknown | undefined;
  /** Other keys of the calling client's config are ignored (its region, endpoint and credentials are its own). */
  [key: string]: unknown;
}

/** The SSO-OIDC client settings, in order of precedence. */
export interface OidcClientSources {
  /** Explicit SSO-OIDC client configuration: used as given (except `region`). */
  clientConfig?: Partial<SSOOIDCClientConfig> | undefined;
  /** The configuration of the client that created the provider. */
  parentClientConfig?: ParentClientConfig | undefined;
  /**
   * The shared files the profile was read from (the provider's `filepath` / `configFilepath`), which also hold its
   * endpoint settings; the loader's current reading of them is used (`ignoreCache` is not repeated).
   */
  files?: Pick<SharedConfigInit, "filepath" | "configFilepath"> | undefined;
}

const INHERITED_KEYS = ["logger", "requestHandler", "userAgentAppId"] as const;

/**
 * Creates SSO-OIDC clients on demand, one per region, reused for every refresh of the provider.
 *
 * The SDK client is loaded on the first refresh only (`loadOidcClientModule`), so a process whose token is
 * fresh never loads it. Precedence: `clientConfig` as given; then, for `logger`, `requestHandler` and
 * `userAgentAppId` only, `parentClientConfig`, then the caller's client config passed at call time; with no
 * `requestHandler` from any of them, the SDK's own handler with the default time limits; whichever it is, each
 * attempt is bounded by {@link boundedRequestHandler} (whole-attempt deadline, reply cap). `region` is always the session's `sso_region`. With no `endpoint` in `clientConfig`, the endpoint
 * configured for SSO-OIDC (`AWS_ENDPOINT_URL_SSO_OIDC`, the profile's `[services]` or `endpoint_url` in the
 * config file of `files`) applies.
 */
export class OidcClientFactory {
  private readonly clients = new Map<string, { client: SSOOIDCClient; inherited: unknown[] }>();

  constructor(private readonly sources: OidcClientSources = {}) {}

  /**
   * The client for `region`, created on first use (or again when the inherited settings, the profile or its
   * endpoint changed). `profileName` (the profile the token is for) becomes the client's `profile` unless
   * `clientConfig` sets one, so that the SDK reads that profile's settings (`use_fips_endpoint`,
   * `use_dualstack_endpoint`, retries...) rather than those of `AWS_PROFILE`; with no `endpoint` in
   * `clientConfig`, the profile's configured SSO-OIDC endpoint is applied (see `configuredEndpoint`).
   */
  async get(
    region: string,
    callerClientConfig?: ParentClientConfig,
    profileName?: string,
  ): Promise<SSOOIDCClient> {
    const config: Record<string, unknown> = { ...this.sources.clientConfig };
    for (const key of INHERITED_KEYS) {
      config[key] ??= this.sources.parentClientConfig?.[key] ?? callerClientConfig?.[key];
    }
    config.profile ??= profileName;
    if (config.profile === undefined) delete config.profile;
    config.region = region;
    if (config.endpoint === undefined && typeof config.profile === "string") {
      const { filepath, configFilepath } = this.sources.files ?? {};
      const shared = await loadSharedConfig({ filepath, configFilepath });
      Object.assign(config, await configuredEndpoint(shared, config.profile, "sso_oidc"));
    }
    const inherited = [...INHERITED_KEYS, "profile", "endpoint", "ignoreConfiguredEndpointUrls"].map(
      (key) => config[key],
    );
    const cached = this.clients.get(region);
    if (cached !== undefined && cached.inherited.every((value, i) => value === inherited[i])) {
      return cached.client;
    }
    const { SSOOIDCClient } = await loadOidcClientModule();
    config.requestHandler = boundedRequestHandler(config.requestHandler);
    const client = new SSOOIDCClient(config as SSOOIDCClientConfig);
    this.clients.set(region, { client, inherited });
    return client;
  }
}
