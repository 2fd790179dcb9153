import type { Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { authenticateBearer } from "./authenticateBearer.js";

/** `POST /logout`: revokes the access token and the refresh token issued with it. */
export const logout = (ctx: RequestContext): Reply => {
  const token = authenticateBearer(ctx);
  ctx.state.tokens.revoke(token.accessToken);
  return { status: 200, headers: {}, body: "" };
};
