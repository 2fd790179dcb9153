import type { EmulatorState } from "../state/EmulatorState.js";
import { issueTokens, type IssuedTokens } from "./issueTokens.js";
import { oidcError } from "./oidcError.js";

/**
 * The refresh grant of CreateToken and CreateTokenWithIAM: the refresh token must be live and belong to the
 * client (and to the same operation). With rotation on (the default) it is retired and a new one is returned.
 */
export const redeemRefreshToken = (
  state: EmulatorState,
  request: { clientId: string; refreshToken: string; viaIam: boolean; scope?: string[] },
): IssuedTokens => {
  const grant = state.tokens.refresh(request.refreshToken);
  if (
    grant === undefined ||
    grant.retired ||
    grant.clientId !== request.clientId ||
    grant.viaIam !== request.viaIam
  ) {
    throw oidcError("InvalidGrantException", "The refresh token is invalid, expired or was already used.");
  }
  if (request.scope !== undefined && request.scope.some((scope) => !grant.scopes.includes(scope))) {
    throw oidcError("InvalidScopeException", "The requested scope exceeds the scope of the refresh token.");
  }
  const rotate = state.options.rotateRefreshTokens;
  if (rotate) grant.retired = true;
  return issueTokens(state, {
    clientId: grant.clientId,
    scopes: request.scope ?? grant.scopes,
    viaIam: grant.viaIam,
    ...(rotate ? {} : { reuseRefreshToken: grant.refreshToken }),
  });
};
