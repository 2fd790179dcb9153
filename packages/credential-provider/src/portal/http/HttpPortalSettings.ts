import type { Logger, Provider } from "@smithy/types";
import type { PortalEndpoint } from "./PortalEndpoint.js";
import type { PortalTimeouts } from "./PortalTimeouts.js";
import type { PortalRequestHandler } from "./sendThroughRequestHandler.js";

/** What the lean GetRoleCredentials transport needs: everything the SDK client would have read, already read. */
export interface HttpPortalSettings {
  /** Where to send the call (the configured endpoint, or the region's default). */
  readonly endpoint: PortalEndpoint;
  /** Per-attempt time limits (the defaults, or the caller's `requestHandler` options). */
  readonly timeouts: PortalTimeouts;
  /**
   * An SDK request handler to send through (the calling client's, or `clientConfig.requestHandler`) instead of
   * `node:http(s)`; its own settings, time limits included, then apply and `timeouts` do not.
   */
  readonly requestHandler?: PortalRequestHandler | undefined;
  /** `app/<id>` of the user agent: the client config's value or provider, else `AWS_SDK_UA_APP_ID`. */
  readonly userAgentAppId: string | Provider<string | undefined> | undefined;
  /** The SSO client's logger: one debug line per retried attempt, and request-timeout warnings. */
  readonly logger: Logger | undefined;
}
