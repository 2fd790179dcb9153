import type { EmulatorState } from "../state/EmulatorState.js";

/**
 * Revokes one access token on the server side while leaving its refresh token redeemable, as when the service ends
 * a session's access token early: the portal then answers UnauthorizedException for it, and a refresh still gets a
 * new one. Returns whether the emulator knew the token.
 */
export const revokeAccessToken = (state: EmulatorState, accessToken: unknown): boolean => {
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new TypeError("revokeAccessToken(accessToken) needs the access token string");
  }
  const token = state.tokens.access(accessToken);
  if (token === undefined) return false;
  token.revoked = true;
  return true;
};
