import type { EmulatorState } from "../state/EmulatorState.js";
import { issueTokens, type IssuedTokens } from "./issueTokens.js";
import { oidcError } from "./oidcError.js";
import { verifyPkce } from "./verifyPkce.js";

/**
 * The authorization code grant (PKCE S256): the code is consumed by the first attempt, must belong to the client,
 * must not have expired, `redirectUri` must equal the one given at /authorize, and `codeVerifier` must hash to the
 * `code_challenge` given there.
 */
export const redeemAuthorizationCode = (
  state: EmulatorState,
  request: { clientId: string; code: string; redirectUri: string; codeVerifier: string },
): IssuedTokens => {
  const grant = state.authorizationCodes.take(request.code);
  if (grant === undefined || grant.clientId !== request.clientId) {
    throw oidcError("InvalidGrantException", "Invalid authorization code provided.");
  }
  if (state.clock.now() >= grant.expiresAtMs) {
    throw oidcError("ExpiredTokenException", "The authorization code has expired; sign in again.");
  }
  if (grant.redirectUri !== request.redirectUri) {
    throw oidcError(
      "InvalidGrantException",
      "redirectUri does not match the one of the authorization request.",
    );
  }
  if (!verifyPkce(request.codeVerifier, grant.codeChallenge)) {
    throw oidcError("InvalidGrantException", "codeVerifier does not match the code challenge.");
  }
  return issueTokens(state, { clientId: request.clientId, scopes: grant.scopes, viaIam: false });
};
