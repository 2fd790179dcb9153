import type { PortalEndpoint } from "./PortalEndpoint.js";

/**
 * A custom endpoint URL as the SDK's SSO client uses it, or `undefined` when it is not an `http(s)` URL. The SDK
 * keeps only `protocol//hostname[:port]path` of it (credentials, query and fragment are dropped) and parses that
 * again; the request path is then this path followed by the operation's.
 */
export const parseEndpointUrl = (url: string): PortalEndpoint | undefined => {
  let kept: URL;
  try {
    const given = new URL(url);
    kept = new URL(
      `${given.protocol}//${given.hostname}${given.port ? `:${given.port}` : ""}${given.pathname}`,
    );
  } catch {
    return undefined;
  }
  const { protocol, hostname, port, pathname } = kept;
  if ((protocol !== "http:" && protocol !== "https:") || hostname === "") return undefined;
  return { protocol, hostname, port: port === "" ? undefined : Number(port), basePath: pathname };
};
