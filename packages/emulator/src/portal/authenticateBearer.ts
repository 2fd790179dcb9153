import type { RequestContext } from "../http/RequestContext.js";
import type { IssuedAccessToken } from "../state/TokenStore.js";
import { ssoError } from "./ssoError.js";

/** The header that carries the access token to the SSO portal (the underscore is real). */
export const BEARER_HEADER = "x-amz-sso_bearer_token";

/**
 * The live access token of a portal request; UnauthorizedException when the header is missing or the token is
 * unknown, expired (emulator clock) or logged out.
 */
export const authenticateBearer = (ctx: RequestContext): IssuedAccessToken => {
  const value = ctx.headers[BEARER_HEADER];
  const token = typeof value === "string" && value !== "" ? ctx.state.tokens.access(value) : undefined;
  if (token === undefined || token.revoked || ctx.state.clock.now() >= token.expiresAtMs) {
    throw ssoError("UnauthorizedException", "Session token not found or invalid");
  }
  return token;
};
