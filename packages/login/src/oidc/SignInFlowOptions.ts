import type { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";
import type { BrowserOpener } from "../browser/platformBrowserOpener.js";
import type { LoginPrompt } from "../LoginOptions.js";

/** What every sign-in flow (authorization code with PKCE, device code) needs. */
export interface SignInFlowOptions {
  /** The SSO-OIDC client for the session's region. */
  oidc: SSOOIDCClient;
  /** The registered client (registered for the flow's grant). */
  client: { clientId: string; clientSecret: string };
  /** Shows the user where to sign in (and the code, for the device flow). */
  prompt: (prompt: LoginPrompt) => Promise<void>;
  /** Opens the sign-in page, when there is a browser to open. */
  openBrowser?: BrowserOpener;
  /** Upper bound on the wait for the user, in milliseconds. */
  timeoutMs: number;
  /** Cancels the flow. */
  signal?: AbortSignal;
  /** Progress messages. */
  logger?: Logger;
  /**
   * Secrets of earlier attempts of the same login (a rejected client registration's secret), kept out of this
   * flow's errors like the ones it sends.
   */
  formerSecrets?: readonly string[];
}
