import type { TokenIdentity } from "@smithy/types";
import {
  identity,
  needsRefresh,
  readToken,
  subject,
  type SessionTokenRequest,
} from "./SessionTokenRequest.js";
import { refreshState } from "./refreshState.js";

export type { SessionTokenRequest } from "./SessionTokenRequest.js";

const LOG = "@sso-kit/token-provider -";

/**
 * The session's token from the cache, refreshed when it expires within `refreshWindowMs`: at most one attempt per
 * session every 30 s in this process (concurrent callers share it), and one refresh across processes (under the
 * cache lock, re-reading the file first). A failed refresh returns the cached token while it is still valid; once
 * it has expired, the error's `reason` says whether the session ended (sign in) or the service failed (try again).
 *
 * With `forceRefresh` (the service rejected `rejectedToken` before its expiry), that token is refreshed the same
 * way, once across processes: a cache that already holds another valid token (another caller or process
 * refreshed it) gives that one without a `CreateToken`, and a failed refresh never hands the rejected token back.
 *
 * Only the valid token's path is loaded with the provider: refreshing, the lock and the errors of a token that is
 * missing, expiring or rejected are loaded by the first call that needs them (see `renewSessionToken`).
 */
export const getSessionToken = async (request: SessionTokenRequest): Promise<TokenIdentity> => {
  const { session, cache, logger } = request;
  const path = cache.tokenPath(session.name);
  // A refresh under way is shared (a forced one is left to renewSessionToken, which waits for it in turn).
  const running = request.forceRefresh === true ? undefined : refreshState.inFlight.get(path);
  if (running !== undefined) {
    return running;
  }
  const token = await readToken(request, path);
  if (token !== undefined) {
    if (request.forceRefresh === true && request.rejectedToken === undefined) {
      request = { ...request, rejectedToken: token.accessToken };
    }
    if (!needsRefresh(token, request)) {
      if (request.forceRefresh === true) {
        logger?.debug?.(`${LOG} the rejected token of ${subject(request)} was already replaced`);
      }
      return identity(token);
    }
  }
  const { renewSessionToken } = await import("./renewSessionToken.js");
  return renewSessionToken(request, token, path);
};
