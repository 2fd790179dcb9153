import type { SSOClientConfig } from "@aws-sdk/client-sso";
import { configuredEndpointUrl } from "../portal/http/configuredEndpointUrl.js";
import { defaultPortalEndpoint } from "../portal/http/defaultPortalEndpoint.js";
import type { HttpPortalSettings } from "../portal/http/HttpPortalSettings.js";
import { parseEndpointUrl } from "../portal/http/parseEndpointUrl.js";
import { isRequestHandler } from "../portal/http/sendThroughRequestHandler.js";
import { DEFAULT_PORTAL_TIMEOUTS, type PortalTimeouts } from "../portal/http/PortalTimeouts.js";

/** What decides how GetRoleCredentials is sent; everything is read beforehand, this only decides. */
export interface PortalTransportInputs {
  /** `init.ssoClient` is given (it is then used as is). */
  readonly ssoClient: boolean;
  /** The SSO client's settings, merged (`mergeClientConfig`). */
  readonly config: SSOClientConfig;
  /** The target's `sso_region`. */
  readonly region: string;
  /** The environment the SDK client would read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Keys of the profile the SDK client reads its settings from (`readSharedConfigKeys`); `undefined` when the
   * shared files could not be read.
   */
  readonly sharedConfigKeys: ReadonlySet<string> | undefined;
}

/** The lean transport with its settings, or the SDK client and why. */
export type PortalTransportChoice =
  | { readonly transport: "http"; readonly settings: HttpPortalSettings }
  | { readonly transport: "sdk"; readonly because: string };

/** Client settings the lean transport reproduces; any other makes the SDK client the transport. */
const SUPPORTED_CONFIG = new Set(["logger", "userAgentAppId", "requestHandler"]);

/** `requestHandler` options (of the SDK's node handler) the lean transport honours. */
const SUPPORTED_HANDLER_OPTIONS = new Set(["connectionTimeout", "requestTimeout", "throwOnRequestTimeout"]);

/** Variables that change the SDK client's endpoint, retries or timeouts. */
const SDK_ENV = [
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_DEFAULTS_MODE",
];

/** Profile keys that change the SDK client's endpoint, retries, timeouts or user agent. */
const SDK_PROFILE_KEYS = [
  "endpoint_url",
  "services",
  "use_fips_endpoint",
  "use_dualstack_endpoint",
  "max_attempts",
  "retry_mode",
  "ignore_configured_endpoint_urls",
  "defaults_mode",
  "sdk_ua_app_id",
  "sdk-ua-app-id",
];

const sdk = (because: string): PortalTransportChoice => ({ transport: "sdk", because });

const isTimeout = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

/**
 * The time limits from a `requestHandler` given as plain options of the SDK's node handler, or why they cannot
 * be honoured. Unset keys take the defaults; `throwOnRequestTimeout` applies to a `requestTimeout` given here
 * (the SDK only warns without it), while the default `requestTimeout` always ends the attempt.
 */
const timeoutsOf = (requestHandler: unknown): PortalTimeouts | string => {
  // A handler instance has its own time limits (see HttpPortalSettings.requestHandler).
  if (requestHandler === undefined || isRequestHandler(requestHandler)) return DEFAULT_PORTAL_TIMEOUTS;
  const prototype: unknown =
    typeof requestHandler === "object" && requestHandler !== null ? Object.getPrototypeOf(requestHandler) : 0;
  if (prototype !== Object.prototype && prototype !== null)
    return "requestHandler is not a plain options object";
  const options = requestHandler as Record<string, unknown>;
  const other = Object.keys(options).find(
    (key) => options[key] !== undefined && !SUPPORTED_HANDLER_OPTIONS.has(key),
  );
  if (other !== undefined) return `requestHandler sets ${other}`;
  const { connectionTimeout, requestTimeout, throwOnRequestTimeout } = options;
  if (connectionTimeout !== undefined && !isTimeout(connectionTimeout))
    return "connectionTimeout is not a duration";
  if (requestTimeout !== undefined && !isTimeout(requestTimeout)) return "requestTimeout is not a duration";
  if (throwOnRequestTimeout !== undefined && typeof throwOnRequestTimeout !== "boolean") {
    return "throwOnRequestTimeout is not a boolean";
  }
  return {
    connectionTimeout: connectionTimeout ?? DEFAULT_PORTAL_TIMEOUTS.connectionTimeout,
    ...(requestTimeout === undefined
      ? { requestTimeout: DEFAULT_PORTAL_TIMEOUTS.requestTimeout, throwOnRequestTimeout: true }
      : { requestTimeout, throwOnRequestTimeout: throwOnRequestTimeout === true }),
  };
};

/**
 * Whether GetRoleCredentials can go through the lean `node:http(s)` transport and still do exactly what the SDK's
 * `SSOClient` would: only when no `ssoClient` is given; the merged client config has nothing but `logger`,
 * `userAgentAppId` (a string or provider) and a `requestHandler` of plain timeout options; no variable or shared
 * config key changes the SDK client's endpoint (other than `AWS_ENDPOINT_URL_SSO` / `AWS_ENDPOINT_URL`), FIPS,
 * dual-stack, retries, defaults mode or app id (in the profile the SDK client reads: `AWS_PROFILE`, else
 * `default`); and the region is in a partition whose portal host is known.
 * Otherwise the SDK client is used, as before: a `requestHandler` instance (an SDK client's own, when `fromSSO`
 * is its `credentials`) keeps going through it.
 */
export const choosePortalTransport = ({
  ssoClient,
  config,
  region,
  env,
  sharedConfigKeys,
}: PortalTransportInputs): PortalTransportChoice => {
  if (ssoClient) return sdk("an ssoClient is given");
  const settings = config as Record<string, unknown>;
  const other = Object.keys(settings).find(
    (key) => settings[key] !== undefined && !SUPPORTED_CONFIG.has(key),
  );
  if (other !== undefined) return sdk(`the client config sets ${other}`);
  const { logger, userAgentAppId } = config;
  if (logger !== undefined && (typeof logger !== "object" || logger === null))
    return sdk("logger is not an object");
  if (
    userAgentAppId !== undefined &&
    typeof userAgentAppId !== "string" &&
    typeof userAgentAppId !== "function"
  ) {
    return sdk("userAgentAppId is neither a string nor a provider");
  }
  const timeouts = timeoutsOf(config.requestHandler);
  if (typeof timeouts === "string") return sdk(timeouts);
  const variable = SDK_ENV.find((name) => env[name] !== undefined);
  if (variable !== undefined) return sdk(`${variable} is set`);
  if (sharedConfigKeys === undefined) return sdk("the shared config files could not be read");
  const key = SDK_PROFILE_KEYS.find((name) => sharedConfigKeys.has(name));
  if (key !== undefined) return sdk(`profile '${env.AWS_PROFILE || "default"}' sets ${key}`);
  if (defaultPortalEndpoint(region) === undefined) return sdk(`no known partition has region ${region}`);
  const url = configuredEndpointUrl(env);
  const endpoint = url === undefined ? defaultPortalEndpoint(region) : parseEndpointUrl(url);
  if (endpoint === undefined) return sdk("the configured endpoint is not an http(s) URL");
  return {
    transport: "http",
    settings: {
      endpoint,
      timeouts,
      ...(isRequestHandler(config.requestHandler) && { requestHandler: config.requestHandler }),
      userAgentAppId: userAgentAppId ?? (env.AWS_SDK_UA_APP_ID || undefined),
      logger,
    },
  };
};
