import type { EmulatorState } from "../state/EmulatorState.js";
import { issueTokens, type IssuedTokens } from "./issueTokens.js";
import { oidcError } from "./oidcError.js";

/**
 * The device code grant: pending until the user answers (polling faster than the interval while pending gives
 * SlowDownException), ExpiredTokenException once the code expired, AccessDeniedException when denied, the tokens
 * once approved, InvalidGrantException for an unknown, foreign or already redeemed code.
 */
export const redeemDeviceCode = (
  state: EmulatorState,
  clientId: string,
  deviceCode: string,
): IssuedTokens => {
  const authorization = state.devices.byDeviceCode(deviceCode);
  if (
    authorization === undefined ||
    authorization.clientId !== clientId ||
    authorization.status === "redeemed"
  ) {
    throw oidcError("InvalidGrantException", "Invalid device code provided.");
  }
  const now = state.clock.now();
  if (now >= authorization.expiresAtMs) {
    throw oidcError("ExpiredTokenException", "The device code has expired; start the authorization again.");
  }
  switch (authorization.status) {
    case "denied":
      authorization.status = "redeemed";
      throw oidcError("AccessDeniedException", "The user denied the authorization request.");
    case "pending": {
      const last = authorization.lastPollMs;
      authorization.lastPollMs = now;
      if (last !== undefined && now - last < authorization.intervalSeconds * 1000) {
        throw oidcError("SlowDownException", "Client is polling too fast; wait the interval between polls.");
      }
      throw oidcError("AuthorizationPendingException", "Authorization is still pending.");
    }
    case "approved":
      authorization.status = "redeemed";
      return issueTokens(state, { clientId, scopes: authorization.scopes, viaIam: false });
  }
};
