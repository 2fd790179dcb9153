import type { Logger } from "@smithy/types";
import type { PortalEndpoint } from "./PortalEndpoint.js";
import type { PortalTimeouts } from "./PortalTimeouts.js";

/** One HTTP GET to the portal. */
export interface PortalRequest {
  readonly endpoint: PortalEndpoint;
  /** Path and query (`roleCredentialsPath`). */
  readonly path: string;
  /** Every header to send (Node adds `host`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Time limits over `node:http(s)` (a caller's request handler has its own). */
  readonly timeouts: PortalTimeouts;
  /** Receives the warning of a `requestTimeout` that does not throw; `console` when unset, as in the SDK. */
  readonly logger: Logger | undefined;
}
