/**
 * Where the lean transport sends GetRoleCredentials: the endpoint reduced to what the SDK's SSO client keeps of it
 * (scheme, host, port and path; never credentials, query or fragment).
 */
export interface PortalEndpoint {
  /** `https:`, or `http:` for a custom endpoint such as a local emulator. */
  readonly protocol: "http:" | "https:";
  /** The host name as in a URL (an IPv6 literal keeps its brackets). */
  readonly hostname: string;
  /** The port, when the URL names one other than the protocol's default. */
  readonly port: number | undefined;
  /** The endpoint's own path (`/` when it has none); the operation's path is appended to it. */
  readonly basePath: string;
}
