import type { EmulatorState } from "../state/EmulatorState.js";
import { randomToken } from "../state/randomToken.js";

/** The tokens of a successful CreateToken / CreateTokenWithIAM. */
export interface IssuedTokens {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshToken: string;
  /** The scopes granted: CreateTokenWithIAM returns them as `scope`, CreateToken does not return them. */
  scopes: string[];
}

/**
 * Issues an access token and its refresh token. `reuseRefreshToken` keeps an existing refresh token (a refresh
 * with rotation off); otherwise a new one is minted.
 */
export const issueTokens = (
  state: EmulatorState,
  grant: { clientId: string; scopes: string[]; viaIam: boolean; reuseRefreshToken?: string },
): IssuedTokens => {
  const { accessTokenTtlSeconds } = state.options;
  const refreshToken = grant.reuseRefreshToken ?? randomToken("emu-rt-", 48);
  if (grant.reuseRefreshToken === undefined) {
    state.tokens.addRefresh({
      refreshToken,
      clientId: grant.clientId,
      scopes: grant.scopes,
      viaIam: grant.viaIam,
      retired: false,
    });
  }
  const accessToken = randomToken("emu-at-", 48);
  state.tokens.addAccess({
    accessToken,
    clientId: grant.clientId,
    scopes: grant.scopes,
    expiresAtMs: state.clock.now() + accessTokenTtlSeconds * 1000,
    refreshToken,
    revoked: false,
  });
  return {
    accessToken,
    tokenType: "Bearer",
    expiresIn: accessTokenTtlSeconds,
    refreshToken,
    scopes: grant.scopes,
  };
};
