import type { SSOClientConfig } from "@aws-sdk/client-sso";
import { DEFAULT_PORTAL_TIMEOUTS } from "../portal/http/PortalTimeouts.js";
import { choosePortalTransport, type PortalTransportInputs } from "./choosePortalTransport.js";

const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const appIdProvider = async () => "from-provider";
const handlerInstance = { handle: async () => ({ response: { statusCode: 200, headers: {} } }) };

/** Everything at its default: the lean transport, in us-east-1. */
const base: PortalTransportInputs = {
  ssoClient: false,
  config: {},
  region: "us-east-1",
  env: {},
  sharedConfigKeys: new Set(["region", "sso_session", "sso_account_id", "sso_role_name", "output"]),
};

const portal = (region: string, dnsSuffix = "amazonaws.com") => ({
  protocol: "https:",
  hostname: `portal.sso.${region}.${dnsSuffix}`,
  port: undefined,
  basePath: "/",
});
const emulator = { protocol: "http:", hostname: "127.0.0.1", port: 4566, basePath: "/" };

describe("the lean transport, with what it was given", () => {
  it.each<[string, Partial<PortalTransportInputs>, object]>([
    ["nothing configured", {}, { endpoint: portal("us-east-1"), timeouts: DEFAULT_PORTAL_TIMEOUTS }],
    [
      "a China region",
      { region: "cn-northwest-1" },
      { endpoint: portal("cn-northwest-1", "amazonaws.com.cn") },
    ],
    ["a GovCloud region", { region: "us-gov-west-1" }, { endpoint: portal("us-gov-west-1") }],
    ["a region the partition pattern admits", { region: "eu-future-9" }, { endpoint: portal("eu-future-9") }],
    [
      "a logger and an app id",
      { config: { logger, userAgentAppId: "my-app" } },
      { logger, userAgentAppId: "my-app" },
    ],
    ["an app id provider", { config: { userAgentAppId: appIdProvider } }, { userAgentAppId: appIdProvider }],
    [
      "a request handler instance (an SDK client's own): sent through it, with its own time limits",
      { config: { requestHandler: handlerInstance } },
      { requestHandler: handlerInstance },
    ],
    ["AWS_SDK_UA_APP_ID", { env: { AWS_SDK_UA_APP_ID: "env-app" } }, { userAgentAppId: "env-app" }],
    [
      "AWS_SDK_UA_APP_ID under the config's app id",
      { config: { userAgentAppId: "config-app" }, env: { AWS_SDK_UA_APP_ID: "env-app" } },
      { userAgentAppId: "config-app" },
    ],
    ["AWS_SDK_UA_APP_ID empty", { env: { AWS_SDK_UA_APP_ID: "" } }, { userAgentAppId: undefined }],
    [
      "requestTimeout with throwOnRequestTimeout",
      { config: { requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } } },
      { timeouts: { connectionTimeout: 5_000, requestTimeout: 300, throwOnRequestTimeout: true } },
    ],
    [
      "requestTimeout alone (the SDK only warns then)",
      { config: { requestHandler: { requestTimeout: 300 } } },
      { timeouts: { connectionTimeout: 5_000, requestTimeout: 300, throwOnRequestTimeout: false } },
    ],
    [
      "requestTimeout 0 (no limit, as in the SDK)",
      { config: { requestHandler: { requestTimeout: 0 } } },
      { timeouts: { connectionTimeout: 5_000, requestTimeout: 0, throwOnRequestTimeout: false } },
    ],
    [
      "connectionTimeout alone (the default request timeout still ends an attempt)",
      { config: { requestHandler: { connectionTimeout: 1_000, throwOnRequestTimeout: false } } },
      { timeouts: { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true } },
    ],
    [
      "empty requestHandler options",
      { config: { requestHandler: {} } },
      { timeouts: DEFAULT_PORTAL_TIMEOUTS },
    ],
    [
      "AWS_ENDPOINT_URL_SSO",
      { env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:4566" } },
      { endpoint: emulator },
    ],
    ["AWS_ENDPOINT_URL", { env: { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" } }, { endpoint: emulator }],
    [
      "AWS_ENDPOINT_URL_SSO over AWS_ENDPOINT_URL",
      { env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:4566", AWS_ENDPOINT_URL: "http://other:1" } },
      { endpoint: emulator },
    ],
    [
      "an empty AWS_ENDPOINT_URL_SSO (unset)",
      { env: { AWS_ENDPOINT_URL_SSO: "", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" } },
      { endpoint: emulator },
    ],
    [
      "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true",
      { env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:4566", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" } },
      { endpoint: portal("us-east-1") },
    ],
    [
      "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=yes (the SDK reads it as false)",
      { env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:4566", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "yes" } },
      { endpoint: emulator },
    ],
    [
      "an endpoint with a path",
      { env: { AWS_ENDPOINT_URL_SSO: "https://proxy.example/sso/" } },
      { endpoint: { protocol: "https:", hostname: "proxy.example", port: undefined, basePath: "/sso/" } },
    ],
  ])("%s", (_, inputs, settings) => {
    expect(choosePortalTransport({ ...base, ...inputs })).toEqual({
      transport: "http",
      settings: {
        endpoint: portal("us-east-1"),
        timeouts: DEFAULT_PORTAL_TIMEOUTS,
        userAgentAppId: undefined,
        logger: undefined,
        ...settings,
      },
    });
  });
});

class CustomHandlerOptions {
  requestTimeout = 5;
}

describe("the SDK client, and why", () => {
  it.each<[string, Partial<PortalTransportInputs>, string]>([
    ["an ssoClient", { ssoClient: true }, "an ssoClient is given"],
    ["clientConfig.endpoint", { config: { endpoint: "http://x" } }, "the client config sets endpoint"],
    ["clientConfig.maxAttempts", { config: { maxAttempts: 5 } }, "the client config sets maxAttempts"],
    ["clientConfig.retryMode", { config: { retryMode: "adaptive" } }, "the client config sets retryMode"],
    ["clientConfig.useFipsEndpoint", { config: { useFipsEndpoint: true } }, "sets useFipsEndpoint"],
    ["clientConfig.region", { config: { region: "eu-west-1" } }, "the client config sets region"],
    [
      "a request handler options class",
      { config: { requestHandler: new CustomHandlerOptions() } as SSOClientConfig },
      "not a plain options object",
    ],
    [
      "a request handler options provider",
      { config: { requestHandler: async () => ({ requestTimeout: 5 }) } as SSOClientConfig },
      "not a plain options object",
    ],
    [
      "an agent in the options",
      { config: { requestHandler: { httpsAgent: {} } } },
      "requestHandler sets httpsAgent",
    ],
    [
      "socketTimeout",
      { config: { requestHandler: { socketTimeout: 5 } } },
      "requestHandler sets socketTimeout",
    ],
    [
      "a negative timeout",
      { config: { requestHandler: { requestTimeout: -1 } } },
      "requestTimeout is not a duration",
    ],
    [
      "a timeout as text",
      { config: { requestHandler: { connectionTimeout: "5" } } as unknown as SSOClientConfig },
      "connectionTimeout is not a duration",
    ],
    [
      "throwOnRequestTimeout as text",
      { config: { requestHandler: { throwOnRequestTimeout: "yes" } } as unknown as SSOClientConfig },
      "throwOnRequestTimeout is not a boolean",
    ],
    ["a logger that is not an object", { config: { logger: "x" } as unknown as SSOClientConfig }, "logger"],
    ["an app id number", { config: { userAgentAppId: 5 } as unknown as SSOClientConfig }, "userAgentAppId"],
    ...[
      "AWS_USE_FIPS_ENDPOINT",
      "AWS_USE_DUALSTACK_ENDPOINT",
      "AWS_MAX_ATTEMPTS",
      "AWS_RETRY_MODE",
      "AWS_DEFAULTS_MODE",
    ].map((name): [string, Partial<PortalTransportInputs>, string] => [
      name,
      { env: { [name]: "false" } },
      `${name} is set`,
    ]),
    ["unreadable shared config files", { sharedConfigKeys: undefined }, "could not be read"],
    ...[
      "endpoint_url",
      "services",
      "use_fips_endpoint",
      "use_dualstack_endpoint",
      "max_attempts",
      "retry_mode",
      "ignore_configured_endpoint_urls",
      "defaults_mode",
      "sdk_ua_app_id",
    ].map((key): [string, Partial<PortalTransportInputs>, string] => [
      `${key} in the shared config`,
      { sharedConfigKeys: new Set(["region", key]) },
      `profile 'default' sets ${key}`,
    ]),
    ...["us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1"].map(
      (region): [string, Partial<PortalTransportInputs>, string] => [
        `${region} (a partition whose portal host is not known here)`,
        { region },
        `no known partition has region ${region}`,
      ],
    ),
    ...["aws-global", "us-east-1-fips", "fips-us-east-1", "mars-east-1", "US-EAST-1", "us-east_x-1", ""].map(
      (region): [string, Partial<PortalTransportInputs>, string] => [
        `region "${region}"`,
        { region },
        "no known partition has region",
      ],
    ),
    [
      "a custom endpoint in a region of no known partition",
      { region: "us-iso-east-1", env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:4566" } },
      "no known partition",
    ],
    ["an endpoint that is not a URL", { env: { AWS_ENDPOINT_URL_SSO: "not a url" } }, "not an http(s) URL"],
    ["an ftp endpoint", { env: { AWS_ENDPOINT_URL: "ftp://127.0.0.1/" } }, "not an http(s) URL"],
  ])("%s", (_, inputs, because) => {
    const choice = choosePortalTransport({ ...base, ...inputs });
    expect(choice).toEqual({ transport: "sdk", because: expect.stringContaining(because) });
  });
});
