import type { EmulatorState } from "../state/EmulatorState.js";

/** Options of `Emulator.expireAccessTokens`. */
export interface ExpireAccessTokensOptions {
  /** Only this access token. Default: every access token. */
  accessToken?: string;
  /** Seconds from now (emulator clock) at which they expire. Default 0: at once. */
  inSeconds?: number;
}

/**
 * Shortens the life of live access tokens on the server side only: what the client cached still shows the old
 * expiry, but the portal answers UnauthorizedException once the new one has passed. Refresh tokens are untouched.
 * A token that already expires sooner keeps its expiry. Returns how many tokens were shortened.
 */
export const expireAccessTokens = (state: EmulatorState, options: ExpireAccessTokensOptions = {}): number => {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("expireAccessTokens(options) needs an options object or nothing");
  }
  const { accessToken, inSeconds = 0 } = options;
  if (accessToken !== undefined && (typeof accessToken !== "string" || accessToken === "")) {
    throw new TypeError("expireAccessTokens: accessToken must be a non-empty string");
  }
  if (typeof inSeconds !== "number" || !Number.isFinite(inSeconds) || inSeconds < 0) {
    throw new TypeError(
      `expireAccessTokens: inSeconds must be a number of 0 or more, got ${String(inSeconds)}`,
    );
  }
  const now = state.clock.now();
  const expiresAtMs = now + inSeconds * 1000;
  let shortened = 0;
  for (const token of state.tokens.allAccess()) {
    if (accessToken !== undefined && token.accessToken !== accessToken) continue;
    if (token.revoked || token.expiresAtMs <= expiresAtMs) continue;
    token.expiresAtMs = expiresAtMs;
    shortened += 1;
  }
  return shortened;
};
