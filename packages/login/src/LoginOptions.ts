import type { SSOOIDCClientConfig } from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";

import type { BrowserOpener } from "./browser/platformBrowserOpener.js";

/**
 * How the user approves the sign-in.
 * - `pkce`: authorization code with PKCE (RFC 7636) through a loopback redirect (RFC 8252). The default for
 *   an sso-session; needs a browser on this machine.
 * - `device`: device authorization (RFC 8628): the user enters a code on any device. The only flow for a
 *   legacy profile (start URL in the profile) and the one to use on a machine without a browser.
 */
export type LoginFlow = "pkce" | "device";

/** What to show the user while the login waits for approval. Holds no secret. */
export interface LoginPrompt {
  /** The flow waiting for approval. */
  flow: LoginFlow;
  /**
   * The page to open: the authorize URL (`pkce`), or the verification page with the code filled in
   * (`device`: `verificationUriComplete`, else `verificationUri`).
   */
  url: string;
  /** `device` only: the code the user must see on the verification page, e.g. `ABCD-EFGH`. */
  userCode?: string | undefined;
  /** `device` only: the verification page without the code, for typing on another device. */
  verificationUri?: string | undefined;
  /** When the login stops waiting (the authorization expires or `timeoutMs` runs out). */
  expiresAt: Date;
  /** Whether the login is about to try to open `url` in a browser (so the prompt can say so). */
  openingBrowser: boolean;
}

/** Another sign-in for the same session holds the machine's sign-in lock: this one waits for it. */
export interface LoginWait {
  /** The sso-session, or the start URL of a legacy profile, being signed in to. */
  session: string;
  /** The process running the other sign-in, when its lock file says so. */
  pid?: number | undefined;
  /** The host of that process (another one when the cache directory is shared). */
  hostname?: string | undefined;
  /** A line for the user, e.g. `another sign-in for session dev is in progress (pid 123); waiting for it`. */
  message: string;
}

/** Options of `login`. Every option is optional. */
export interface LoginOptions {
  /**
   * The profile to sign in for (its `sso_session`, or its legacy `sso_start_url`/`sso_region`). Default:
   * `AWS_PROFILE`, else `default`. Ignored when `ssoSession` is given.
   */
  profile?: string | undefined;
  /** Sign in to this `[sso-session NAME]` directly, whatever profile uses it. */
  ssoSession?: string | undefined;
  /** The flow to use. Default: `pkce` for an sso-session, `device` for a legacy profile (which only allows `device`). */
  flow?: LoginFlow | undefined;
  /**
   * The scopes to register the client with, replacing the session's `sso_registration_scopes`. When neither
   * is set, the `device` flow registers without scopes and `pkce` asks for `sso:account:access`.
   */
  scopes?: string[] | undefined;
  /**
   * Shows the user where to approve the sign-in (URL, and the user code for `device`). It is called once,
   * before the browser is opened; a rejection ends the login. Default: a few lines on standard error.
   */
  prompt?: ((prompt: LoginPrompt) => void | Promise<void>) | undefined;
  /**
   * Whether and how to open the browser. `true` (default): the platform's opener (`xdg-open` with a display,
   * `open` on macOS, the URL handler on Windows), only when this machine has one; `false`: never (the prompt
   * alone tells the user where to go); a function: called with the URL instead. A failure to open the
   * browser is logged and the login goes on waiting.
   */
  openBrowser?: boolean | BrowserOpener | undefined;
  /**
   * Told when this login waits for another sign-in to the same session (in any process of the machine): one
   * sign-in per session runs at a time, and the others use the token it writes. Called when the wait starts and
   * when another process takes the lock over. Default: the message on standard error.
   */
  onWait?: ((wait: LoginWait) => void) | undefined;
  /**
   * A token for the session written to the cache at or after this time (by another sign-in that finished while
   * this one waited for it, or by a refresh) is used as it is, while it is unexpired, instead of signing in again;
   * the result says so (`alreadySignedIn`). Default: the time `login` was called. Sign-in on demand passes the
   * time its credential request started, so a sign-in that finished in between is not repeated.
   */
  reuseTokenSince?: Date | undefined;
  /** Cancels the login: every wait and request stops, the loopback server closes, `LoginError` `Aborted`. */
  signal?: AbortSignal | undefined;
  /**
   * How long to wait for the user's approval, in milliseconds, counting any wait for another sign-in to the same
   * session. Default 600000 (10 minutes). The `device` flow also stops when its code expires (`expiresIn` from
   * the service), whichever comes first.
   */
  timeoutMs?: number | undefined;
  /** Path of the shared credentials file, as for the SDK's providers (default `~/.aws/credentials`). */
  filepath?: string | undefined;
  /** Path of the config file (default `AWS_CONFIG_FILE`, else `~/.aws/config`); `~/` is expanded. */
  configFilepath?: string | undefined;
  /**
   * Configuration of the SSO-OIDC client (e.g. `endpoint`, `requestHandler`, `logger`, retry settings).
   * `region` is always the session's `sso_region`. `AWS_ENDPOINT_URL_SSO_OIDC` is honoured by the client.
   */
  clientConfig?: Omit<SSOOIDCClientConfig, "region"> | undefined;
  /** Where progress is logged (`debug`/`info`/`warn`); never receives a token or a client secret. */
  logger?: Logger | undefined;
}

/** What `login` signed in to. Deliberately holds no token, so it is safe to print. */
export interface LoginResult {
  /** The flow that was used. */
  flow: LoginFlow;
  /** The profile the login was resolved from (absent when `ssoSession` was given). */
  profileName?: string | undefined;
  /** The sso-session signed in to (absent for a legacy profile). */
  sessionName?: string | undefined;
  /** The start URL signed in to, as configured. */
  startUrl: string;
  /** The SSO region. */
  region: string;
  /** When the new access token expires. */
  expiresAt: Date;
  /**
   * `true` when this call ran no authorization: another sign-in for the session finished while it waited (see
   * `reuseTokenSince`), and its token is the one in `tokenFile`.
   */
  alreadySignedIn: boolean;
  /** Whether the cached client registration was reused (`false`: a client was registered). */
  registrationReused: boolean;
  /** The token file written in `~/.aws/sso/cache`. */
  tokenFile: string;
}
