/** The parts of an SDK client's resolved configuration (SSO, SSO-OIDC, ...) that say where it sends requests. */
export interface EndpointConfig {
  readonly isCustomEndpoint?: boolean;
  readonly endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path?: string }>;
  readonly ignoreConfiguredEndpointUrls?: boolean;
  readonly serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  readonly endpointProvider: (parameters: { Region?: string; UseFIPS?: boolean; UseDualStack?: boolean }) => {
    url: URL;
  };
  readonly region: () => Promise<string>;
  readonly useFipsEndpoint: () => Promise<boolean>;
  readonly useDualstackEndpoint: () => Promise<boolean>;
}

/**
 * The base URL (no trailing slash, no user name or password) an SDK client sends its requests to, found the way
 * the client itself finds it: the `endpoint` of its configuration; else the endpoint configured for the service
 * (`AWS_ENDPOINT_URL_SSO_OIDC` / `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL`, or `endpoint_url` in the config
 * file, unless `ignoreConfiguredEndpointUrls`); else the client's endpoint rules for its region (e.g.
 * `https://oidc.{region}.amazonaws.com`, with the right partition suffix, FIPS and dual-stack variants).
 *
 * It is the URL sso-kit prints (in messages about an endpoint that is not IAM Identity Center) and gives the
 * browser (the sign-in's authorize URL): credentials written into an endpoint URL (`http://user:pass@host`) are
 * dropped, since both are seen by people and other programs.
 */
export async function endpointUrlOf(client: { readonly config: EndpointConfig }): Promise<string> {
  const config = client.config;
  if (config.isCustomEndpoint && config.endpoint) {
    const { protocol, hostname, port, path } = await config.endpoint();
    return printable(`${protocol}//${hostname}${port ? `:${port}` : ""}${path ?? ""}`);
  }
  if (!config.ignoreConfiguredEndpointUrls) {
    const configured = await config.serviceConfiguredEndpoint?.();
    if (configured) return printable(configured);
  }
  const resolved = config.endpointProvider({
    Region: await config.region(),
    UseFIPS: await config.useFipsEndpoint(),
    UseDualStack: await config.useDualstackEndpoint(),
  });
  return printable(resolved.url.href);
}

function printable(url: string): string {
  return withoutUserInfo(url).replace(/\/+$/, "");
}

function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    // Not a URL the client could use either; what it is is shown as configured, minus anything before an `@`.
    return url.replace(/\/\/[^/]*@/, "//");
  }
}
