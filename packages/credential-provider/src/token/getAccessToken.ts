import type { Logger } from "@smithy/types";
import type { ProviderClients } from "../clients/ProviderClients.js";
import type { LegacyRoleTarget, RoleTarget } from "../config/RoleTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { signInAdvice, signInCommand } from "../errors/signInCommand.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";

/**
 * The SSO access token for a target. sso-session: from the token provider, which refreshes it when needed (one
 * refresh across processes, under the cache lock). Legacy: the cached `sha1(start URL).json`, used until it expires
 * and never refreshed, as every SDK does.
 */
export const getAccessToken = async (
  target: RoleTarget,
  clients: ProviderClients,
  logger: Logger | undefined,
): Promise<string> => {
  if (target.kind === "legacy") {
    return legacyAccessToken(target, clients, logger);
  }
  try {
    const identity = await clients.tokenProvider(target)();
    return identity.token;
  } catch (error) {
    throw toCredentialsProviderError(error, "Token", logger, signInCommand(target));
  }
};

const legacyAccessToken = async (
  target: LegacyRoleTarget,
  clients: ProviderClients,
  logger: Logger | undefined,
): Promise<string> => {
  const cache = clients.cache();
  const who =
    target.profileName !== undefined ? `profile '${target.profileName}'` : `start URL ${target.startUrl}`;
  let token;
  try {
    token = await cache.readToken(target.startUrl, {
      ...(target.profileName !== undefined && { profileName: target.profileName }),
    });
  } catch (error) {
    throw toCredentialsProviderError(error, "Token", logger, signInCommand(target));
  }
  if (token === undefined) {
    throw new SsoCredentialsProviderError(
      `No SSO token found for ${who} (expected ${cache.tokenPath(target.startUrl)}): not signed in. ` +
        signInAdvice(target),
      { reason: "Token", signInCommand: signInCommand(target), logger },
    );
  }
  // The cache has validated expiresAt (RFC 3339, normalised).
  if (Date.parse(token.expiresAt) <= Date.now()) {
    throw new SsoCredentialsProviderError(
      `The SSO token for ${who} expired at ${token.expiresAt}; tokens of profiles with sso_start_url in the ` +
        `profile (no sso_session) cannot be refreshed. ${signInAdvice(target)}`,
      { reason: "Token", signInCommand: signInCommand(target), logger },
    );
  }
  return token.accessToken;
};
