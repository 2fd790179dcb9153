import type { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

/**
 * The base URL (no trailing slash) the given SSO-OIDC client sends its requests to, found the way the client
 * itself finds it: the `endpoint` of its configuration; else the endpoint configured for the service
 * (`AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL`, or `endpoint_url` in the config file, unless
 * `ignoreConfiguredEndpointUrls`); else the client's endpoint rules for its region, which give
 * `https://oidc.{region}.amazonaws.com` (with the right partition suffix, FIPS and dual-stack variants).
 * The browser's authorize URL must point at the same server the client talks to.
 */
export async function resolveOidcEndpoint(client: SSOOIDCClient): Promise<string> {
  const config = client.config;
  if (config.isCustomEndpoint && config.endpoint) {
    const { protocol, hostname, port, path } = await config.endpoint();
    return withoutTrailingSlash(`${protocol}//${hostname}${port ? `:${port}` : ""}${path ?? ""}`);
  }
  if (!config.ignoreConfiguredEndpointUrls) {
    const configured = await config.serviceConfiguredEndpoint?.();
    if (configured) return withoutTrailingSlash(configured);
  }
  const resolved = config.endpointProvider({
    Region: await config.region(),
    UseFIPS: await config.useFipsEndpoint(),
    UseDualStack: await config.useDualstackEndpoint(),
  });
  return withoutTrailingSlash(resolved.url.href);
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
