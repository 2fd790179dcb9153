import type { TokenIdentity } from "@smithy/types";
import type { SsoTokenFile } from "../cache/SsoTokenFile.js";
import { signInAdvice, signInCommand } from "../errors/signInAdvice.js";
import type { FileLockHold } from "../lock/withFileLock.js";
import { OidcCallError } from "../oidc/OidcCallError.js";
import { refreshAccessToken, type RefreshTokenGrant } from "../oidc/refreshAccessToken.js";
import { describeError } from "./describeError.js";
import { REFRESH_ATTEMPT_INTERVAL_MS, refreshState, type RefreshFailure } from "./refreshState.js";
import { loadProviderErrors, tokenProviderError } from "../errors/tokenProviderError.js";
import { redactSecrets } from "../errors/redactSecrets.js";
import {
  identity,
  isStillValid,
  needsRefresh,
  readToken,
  subject,
  usable,
  type SessionTokenRequest,
} from "./SessionTokenRequest.js";

const LOG = "@sso-kit/token-provider -";

/**
 * The part of `getSessionToken` after the cache gave no token that can be handed out as it is (none, or one that
 * expires within the refresh window, or the one the service rejected): the sign-in error, or a refresh (at most one
 * attempt per session every 30 s in this process, one across processes under the cache lock), or the cached token
 * while it is still valid when the refresh failed.
 */
export const renewSessionToken = async (
  request: SessionTokenRequest,
  token: SsoTokenFile | undefined,
  path: string,
): Promise<TokenIdentity> => {
  const { logger } = request;
  if (token === undefined) {
    throw await signInError(
      request,
      `No SSO token found for ${subject(request)} (expected ${path}): not signed in.`,
    );
  }
  // A refresh may have started while we were reading, or loading this module: callers that came together resume
  // together. From the last look at `inFlight` to `inFlight.set` below nothing awaits, so the first of them starts
  // the refresh and the others share it. A forced refresh waits for a running one, which may give a new token; when
  // it gives the rejected one back, a refresh another forced caller started since is waited for in turn.
  for (
    let running = refreshState.inFlight.get(path);
    running !== undefined;
    running = refreshState.inFlight.get(path)
  ) {
    if (request.forceRefresh !== true) return running;
    const result = await running;
    if (result.token !== request.rejectedToken) return result;
    if (refreshState.inFlight.get(path) === running) break;
  }
  const lastAttempt = refreshState.lastAttempt.get(path) ?? 0;
  const lastFailure = refreshState.lastFailure.get(path);
  // Throttled: the last attempt's failure was already logged. A rejected token is refreshed again unless that
  // attempt failed (its failure is repeated): a new token the service also rejected is not a failed refresh.
  if (
    Date.now() - lastAttempt < REFRESH_ATTEMPT_INTERVAL_MS &&
    (request.forceRefresh !== true || lastFailure !== undefined)
  ) {
    return usable(token, request) ? identity(token) : validOrThrow(token, request, lastFailure);
  }
  const grant = refreshGrant(token);
  if (typeof grant === "string") {
    logger?.debug?.(`${LOG} cannot refresh the token of ${subject(request)}: ${grant}`);
    return validOrThrow(token, request, { text: grant, reason: "SessionEnded" }, false);
  }
  const refresh = refreshUnderLock(request, token, path);
  refreshState.inFlight.set(path, refresh);
  try {
    return await refresh;
  } finally {
    refreshState.inFlight.delete(path);
  }
};

const refreshUnderLock = async (
  request: SessionTokenRequest,
  initial: SsoTokenFile,
  path: string,
): Promise<TokenIdentity> => {
  const { session, cache, logger } = request;
  refreshState.lastAttempt.set(path, Date.now());
  let newest = initial;
  // Signing out while we waited is final: the cached token is not offered as a fallback.
  let signedOut = false;
  // Every secret seen on the way, so that no message quotes one back.
  const secrets = new Set<string | undefined>();
  const remember = (token: SsoTokenFile): void => {
    for (const secret of [token.accessToken, token.refreshToken, token.clientSecret]) secrets.add(secret);
  };
  remember(initial);
  try {
    const refreshed = await cache.withLock(session.name, async (lock: FileLockHold) => {
      // Another process may have refreshed (or signed in again) while we waited for the lock.
      const current = await readToken(request, path);
      if (current === undefined) {
        signedOut = true;
        throw await signInError(request, `The SSO token of ${subject(request)} was removed (signed out).`);
      }
      newest = current;
      remember(current);
      if (!needsRefresh(current, request)) {
        logger?.debug?.(`${LOG} the token of ${subject(request)} was refreshed by another process`);
        return identity(current);
      }
      const grant = refreshGrant(current);
      if (typeof grant === "string") {
        throw new NotRefreshable(grant);
      }
      let base = current;
      let reply;
      try {
        reply = await callCreateToken(request, grant);
      } catch (error) {
        if (!(error instanceof OidcCallError) || error.exception !== "InvalidGrantException") throw error;
        // Something that does not take our lock (another tool) may have rotated the refresh token.
        const again = await readToken(request, path);
        if (again === undefined) throw error;
        newest = again;
        remember(again);
        if (!needsRefresh(again, request)) {
          return identity(again);
        }
        const rotated = refreshGrant(again);
        if (again.refreshToken === base.refreshToken || typeof rotated === "string") throw error;
        logger?.debug?.(
          `${LOG} the refresh token of ${subject(request)} was rotated elsewhere; retrying once`,
        );
        base = again;
        reply = await callCreateToken(request, rotated);
      }
      secrets.add(reply.accessToken).add(reply.refreshToken);
      const expiration = new Date(Date.now() + reply.expiresIn * 1000);
      const updated: SsoTokenFile = {
        ...base,
        accessToken: reply.accessToken,
        expiresAt: expiration.toISOString(),
        // A reply without a refresh token does not revoke the one we have (the official SDK drops it).
        refreshToken: reply.refreshToken ?? base.refreshToken,
      };
      await saveRefreshed(request, path, updated, lock, [...secrets]);
      return { token: reply.accessToken, expiration };
    });
    refreshState.lastFailure.delete(path);
    return refreshed;
  } catch (error) {
    const failure = failureOf(error, [...secrets]);
    refreshState.lastFailure.set(path, failure);
    const { TokenProviderError } = await loadProviderErrors();
    if (error instanceof TokenProviderError && (signedOut || !usable(newest, request))) {
      throw error;
    }
    return validOrThrow(newest, request, failure, !(error instanceof NotRefreshable));
  }
};

/**
 * Writes the refreshed token back. When that fails, or the lock could not be taken (a read-only, full or
 * unwritable cache directory), the token is used by this process only, with one warning that says why.
 */
const saveRefreshed = async (
  request: SessionTokenRequest,
  path: string,
  updated: SsoTokenFile,
  lock: FileLockHold,
  secrets: Array<string | undefined>,
): Promise<void> => {
  const { session, cache, logger } = request;
  const unlocked = lock.held ? "" : `; it was refreshed without the cache lock (${lock.reason})`;
  try {
    await cache.writeToken(session.name, updated);
    refreshState.unsaved.delete(path);
    if (!lock.held) {
      logger?.warn?.(
        `${LOG} the token of ${subject(request)} was refreshed without the cache lock (${lock.reason})`,
      );
    }
  } catch (error) {
    refreshState.unsaved.set(path, updated);
    logger?.warn?.(
      `${LOG} the refreshed token of ${subject(request)} could not be saved to ${path}: ${describeError(error, secrets)}${unlocked}. It is used for this process only.`,
    );
  }
};

/** Why a refresh failed, in words without secrets, and which of three things happened when that is known. */
const failureOf = (error: unknown, secrets: Array<string | undefined>): RefreshFailure => {
  if (error instanceof NotRefreshable) return { text: error.message, reason: "SessionEnded" };
  const { reason } = (typeof error === "object" && error !== null ? error : {}) as { reason?: unknown };
  const known = reason === "SessionEnded" || reason === "ServiceUnavailable" || reason === "Misconfigured";
  const text =
    error instanceof OidcCallError ? redactSecrets(error.message, secrets) : describeError(error, secrets);
  return { text, reason: known ? reason : undefined };
};

/** What refreshes `token`, or why it cannot be refreshed. */
const refreshGrant = (token: SsoTokenFile): RefreshTokenGrant | string => {
  const { clientId, clientSecret, refreshToken } = token;
  if (!clientId || !clientSecret || !refreshToken) {
    const missing = !clientId ? "clientId" : !clientSecret ? "clientSecret" : "refreshToken";
    return `the cached token has no ${missing}, so it cannot be refreshed`;
  }
  if (token.registrationExpiresAt !== undefined && Date.parse(token.registrationExpiresAt) <= Date.now()) {
    return `the client registration expired at ${token.registrationExpiresAt}, so the token cannot be refreshed and you must sign in again`;
  }
  return { clientId, clientSecret, refreshToken };
};

const callCreateToken = async (request: SessionTokenRequest, grant: RefreshTokenGrant) => {
  request.logger?.debug?.(`${LOG} refreshing the token of ${subject(request)} in ${request.session.region}`);
  const client = await request.oidc.get(
    request.session.region,
    request.callerClientConfig,
    request.profileName,
  );
  return refreshAccessToken(client, grant);
};

/** A refresh precondition failed; not a service error. */
class NotRefreshable extends Error {}

/**
 * The cached token while it has not expired and was not rejected (logging why it was not refreshed); otherwise
 * the error that says what happened and what to do: sign in again when the session ended (or nothing more is
 * known), try again when the service failed, fix the endpoint when it is not SSO-OIDC.
 */
const validOrThrow = async (
  token: SsoTokenFile,
  request: SessionTokenRequest,
  cause: RefreshFailure | undefined,
  failed = true,
): Promise<TokenIdentity> => {
  if (usable(token, request)) {
    if (cause !== undefined && failed) {
      request.logger?.warn?.(
        `${LOG} refreshing the token of ${subject(request)} failed (${cause.text}); using the cached token until it expires at ${token.expiresAt}`,
      );
    }
    return identity(token);
  }
  const sentence = cause?.text.replace(/\.*$/, ".");
  const why =
    sentence === undefined ? "" : failed ? ` and could not be refreshed: ${sentence}` : `: ${sentence}`;
  const whose = `${request.profileName === undefined ? "" : `profile '${request.profileName}', `}SSO session '${request.session.name}'`;
  const ended = isStillValid(token)
    ? `The SSO access token of ${whose} was rejected by the service before its expiry (${token.expiresAt})`
    : `The SSO token of ${whose}, expired at ${token.expiresAt}`;
  const what = `${ended}${why === "" ? "." : why}`;
  if (cause === undefined || cause.reason === "SessionEnded") {
    throw await signInError(request, what);
  }
  const advice =
    cause.reason === "ServiceUnavailable"
      ? "This is a service or network failure, not an ended session: try again later."
      : cause.reason === "Misconfigured"
        ? `Check the sso_region of SSO session '${request.session.name}' and any SSO-OIDC endpoint override (AWS_ENDPOINT_URL_SSO_OIDC, endpoint_url) or proxy.`
        : "";
  throw await tokenProviderError(
    `${what} ${advice}${advice === "" ? "" : " "}The cached token was left as it is.`,
    {
      tryNextLink: false,
      logger: request.logger,
      ...(cause.reason !== undefined && { reason: cause.reason }),
    },
  );
};

/** The error that says what happened and how to sign in again (as words, and as the error's `signInCommand`). */
const signInError = (request: SessionTokenRequest, what: string) => {
  const target = { profileName: request.profileName, sessionName: request.session.name };
  return tokenProviderError(`${what} ${signInAdvice(target)}`, {
    tryNextLink: false,
    logger: request.logger,
    signInCommand: signInCommand(target),
    reason: "SessionEnded",
  });
};
