import type { Logger, TokenIdentity } from "@smithy/types";
import type { SsoTokenCache } from "../cache/SsoTokenCache.js";
import type { SsoTokenFile } from "../cache/SsoTokenFile.js";
import type { SsoSession } from "../config/SsoProfile.js";
import type { OidcClientFactory, ParentClientConfig } from "../oidc/OidcClientFactory.js";
import { refreshState } from "./refreshState.js";

/** Everything one token lookup needs. */
export interface SessionTokenRequest {
  session: SsoSession;
  /** For messages; without it they name the session. */
  profileName?: string;
  cache: SsoTokenCache;
  oidc: OidcClientFactory;
  refreshWindowMs: number;
  logger?: Logger;
  callerClientConfig?: ParentClientConfig;
  /** The service rejected a token before its expiry: refresh it whatever its expiry says. */
  forceRefresh?: boolean;
  /** With `forceRefresh`, the token that was rejected [the one cached when the call starts]. */
  rejectedToken?: string;
}

/**
 * The cached token, or the one this process refreshed but could not write back when that is newer (the file's
 * refresh token may have been rotated away since). A removed file is a sign-out, whatever this process holds.
 */
export const readToken = async (
  request: SessionTokenRequest,
  path: string,
): Promise<SsoTokenFile | undefined> => {
  const { session, cache, profileName } = request;
  const token = await cache.readToken(session.name, { profileName });
  const unsaved = refreshState.unsaved.get(path);
  if (unsaved === undefined) return token;
  if (token === undefined || Date.parse(token.expiresAt) >= Date.parse(unsaved.expiresAt)) {
    refreshState.unsaved.delete(path);
    return token;
  }
  return unsaved;
};

/** Whether `token` is the one the caller said the service rejected. */
export const isRejected = (token: SsoTokenFile, request: SessionTokenRequest): boolean =>
  request.forceRefresh === true && token.accessToken === request.rejectedToken;

export const needsRefresh = (token: SsoTokenFile, request: SessionTokenRequest): boolean =>
  isRejected(token, request) || Date.parse(token.expiresAt) - Date.now() <= request.refreshWindowMs;

export const isStillValid = (token: SsoTokenFile): boolean => Date.parse(token.expiresAt) > Date.now();

/** Whether `token` may be handed out: it has not expired, and the service has not rejected it. */
export const usable = (token: SsoTokenFile, request: SessionTokenRequest): boolean =>
  isStillValid(token) && !isRejected(token, request);

export const identity = (token: SsoTokenFile): TokenIdentity => ({
  token: token.accessToken,
  expiration: new Date(token.expiresAt),
});

export const subject = ({ session, profileName }: SessionTokenRequest): string =>
  profileName === undefined
    ? `SSO session '${session.name}'`
    : `profile '${profileName}' (SSO session '${session.name}')`;
