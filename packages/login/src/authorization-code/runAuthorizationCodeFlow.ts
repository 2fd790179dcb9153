import { randomUUID } from "node:crypto";

import { CreateTokenCommand } from "@aws-sdk/client-sso-oidc";
import { endpointUrlOf } from "@sso-kit/token-provider/internal";

import { openInBrowser } from "../browser/openInBrowser.js";
import { LoginError } from "../LoginError.js";
import { parseIssuedToken, type IssuedToken } from "../oidc/parseIssuedToken.js";
import type { SignInFlowOptions } from "../oidc/SignInFlowOptions.js";
import { toLoginError } from "../oidc/toLoginError.js";
import { createCodeChallenge } from "../pkce/createCodeChallenge.js";
import { createCodeVerifier } from "../pkce/createCodeVerifier.js";
import { describeDuration } from "../wait/describeDuration.js";
import { waitUntil } from "../wait/waitUntil.js";
import { buildAuthorizeUrl } from "./buildAuthorizeUrl.js";
import { startRedirectServer } from "./startRedirectServer.js";

/** What {@link runAuthorizationCodeFlow} needs: the common options; `oidc`'s endpoint is also the authorize URL's. */
export interface AuthorizationCodeFlowOptions extends SignInFlowOptions {
  /** The scopes to ask for. */
  scopes: string[];
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
      oidcEndpoint: await endpointUrlOf(oidc),
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
      throw await toLoginError(
        error,
        "CreateToken",
        [...formerSecrets, client.clientSecret, code, codeVerifier],
        oidc,
      );
    }
  } finally {
    await server.close();
  }
}
