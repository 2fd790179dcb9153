import { randomUUID } from "node:crypto";

import { CreateTokenCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";

import { openInBrowser } from "../browser/openInBrowser.js";
import type { BrowserOpener } from "../browser/platformBrowserOpener.js";
import { LoginError } from "../LoginError.js";
import type { LoginPrompt } from "../LoginOptions.js";
import { parseIssuedToken, type IssuedToken } from "../oidc/parseIssuedToken.js";
import { resolveOidcEndpoint } from "../oidc/resolveOidcEndpoint.js";
import { toLoginError } from "../oidc/toLoginError.js";
import { createCodeChallenge } from "../pkce/createCodeChallenge.js";
import { createCodeVerifier } from "../pkce/createCodeVerifier.js";
import { describeDuration } from "../wait/describeDuration.js";
import { waitUntil } from "../wait/waitUntil.js";
import { buildAuthorizeUrl } from "./buildAuthorizeUrl.js";
import { startRedirectServer } from "./startRedirectServer.js";

/** What {@link runAuthorizationCodeFlow} needs. */
export interface AuthorizationCodeFlowOptions {
  /** The SSO-OIDC client for the session's region; its endpoint is also the authorize URL's. */
  oidc: SSOOIDCClient;
  /** The registered client (registered for the `authorization_code` grant). */
  client: { clientId: string; clientSecret: string };
  /** The scopes to ask for. */
  scopes: string[];
  /** Shows the user the authorize URL. */
  prompt: (prompt: LoginPrompt) => Promise<void>;
  /** Opens the authorize URL, when there is a browser to open. */
  openBrowser?: BrowserOpener;
  /** How long to wait for the browser to come back, in milliseconds. */
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

/**
 * Authorization code grant with PKCE (RFC 7636) and a loopback redirect (RFC 8252), as the AWS CLI runs it:
 * a fresh S256 verifier and random `state` per login, the browser sent to `{oidc}/authorize`, the code
 * received on `http://127.0.0.1:<port>/oauth/callback`, then exchanged with CreateToken. The loopback
 * server is closed whatever happens (success, error, timeout, abort).
 */
export async function runAuthorizationCodeFlow(options: AuthorizationCodeFlowOptions): Promise<IssuedToken> {
  const { oidc, client, signal, logger, formerSecrets = [] } = options;
  const codeVerifier = createCodeVerifier();
  const state = randomUUID();
  const server = await startRedirectServer({ state, logger });
  try {
    const url = buildAuthorizeUrl({
      oidcEndpoint: await resolveOidcEndpoint(oidc),
      clientId: client.clientId,
      redirectUri: server.redirectUri,
      state,
      codeChallenge: createCodeChallenge(codeVerifier),
      scopes: options.scopes,
    });
    const deadline = Date.now() + options.timeoutMs;
    await options.prompt({
      flow: "pkce",
      url,
      expiresAt: new Date(deadline),
      openingBrowser: options.openBrowser !== undefined,
    });
    await openInBrowser(options.openBrowser, url, logger);
    logger?.debug?.(`sso-kit login: waiting for the browser on ${server.redirectUri}`);
    const code = await waitUntil(
      server.code,
      deadline,
      () =>
        new LoginError(
          "Timeout",
          `the browser did not complete the sign-in within ${describeDuration(options.timeoutMs)}; start the login again`,
        ),
      signal,
    );
    await server.close();
    try {
      const output = await oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: "authorization_code",
          code,
          codeVerifier,
          redirectUri: server.redirectUri,
        }),
        { abortSignal: signal },
      );
      return parseIssuedToken(output);
    } catch (error) {
      throw toLoginError(error, "CreateToken", [...formerSecrets, client.clientSecret, code, codeVerifier]);
    }
  } finally {
    await server.close();
  }
}
