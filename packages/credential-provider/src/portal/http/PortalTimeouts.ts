import { DEFAULT_REQUEST_HANDLER } from "@sso-kit/token-provider/internal";

/**
 * Time limits of the lean transport, per attempt. The SDK's node handler has none by default, so a connection
 * that is never answered (a firewall dropping packets, a captive network) hangs `fromSSO` forever; these bound it.
 */
export interface PortalTimeouts {
  /** Milliseconds to establish the connection; `0`: no limit. */
  readonly connectionTimeout: number;
  /** Milliseconds from sending the request to having read the whole reply; `0`: no limit. */
  readonly requestTimeout: number;
  /**
   * `true`: `requestTimeout` ends the attempt with a `TimeoutError` (code `ETIMEDOUT`, retried). `false`: it only
   * logs a warning, as the SDK's handler does for a `requestTimeout` set without `throwOnRequestTimeout`.
   */
  readonly throwOnRequestTimeout: boolean;
}

/**
 * The defaults: those of every sso-kit call to IAM Identity Center (`DEFAULT_REQUEST_HANDLER`: 5 s to connect,
 * 10 s per attempt). A GetRoleCredentials reply takes well under a second, so these only end calls that would
 * otherwise never end.
 */
export const DEFAULT_PORTAL_TIMEOUTS: PortalTimeouts = DEFAULT_REQUEST_HANDLER;
