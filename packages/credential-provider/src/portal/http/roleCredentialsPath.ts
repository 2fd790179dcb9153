import type { PortalEndpoint } from "./PortalEndpoint.js";

/** `encodeURIComponent` plus `!'()*`, as the SDK escapes query values (RFC 3986). */
const escapeQueryValue = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Path and query of GetRoleCredentials at `endpoint`, byte for byte what the SDK's SSO client requests: the
 * endpoint's path (unless it is `/`) + `/federation/credentials`, then the query keys in sorted order.
 */
export const roleCredentialsPath = (endpoint: PortalEndpoint, accountId: string, roleName: string): string =>
  `${endpoint.basePath === "/" ? "" : endpoint.basePath}/federation/credentials` +
  `?account_id=${escapeQueryValue(accountId)}&role_name=${escapeQueryValue(roleName)}`;
