import type { Logger } from "@smithy/types";
import { signInAdvice, signInCommand } from "@sso-kit/token-provider/internal/core";
import type { ProviderClients } from "../clients/ProviderClients.js";
import type { LegacyRoleTarget, RoleTarget } from "../config/RoleTarget.js";
import { signInTargetOf } from "../config/signInTargetOf.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";
import { toTokenCredentialsError } from "./toTokenCredentialsError.js";

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
    throw toTokenCredentialsError(error, target, logger);
  }
};

const legacyAccessToken = async (
  target: LegacyRoleTarget,
  clients: ProviderClients,
  logger: Logger | undefined,
): Promise<string> => {
  const cache = clients.cache();
  const signIn = signInTargetOf(target);
  const command = signInCommand(signIn);
  const who =
    target.profileName !== undefined ? `profile '${target.profileName}'` : `start URL ${target.startUrl}`;
  let token;
  try {
    token = await cache.readToken(target.startUrl, { profileName: target.profileName, keyKind: "startUrl" });
  } catch (error) {
    throw toCredentialsProviderError(error, "Token", logger, command);
  }
  if (token === undefined) {
    throw new SsoCredentialsProviderError(
      `No SSO token found for ${who} (expected ${cache.tokenPath(target.startUrl)}): not signed in. ` +
        signInAdvice(signIn),
      { reason: "Token", signInCommand: command, logger },
    );
  }
  // The cache has validated expiresAt (RFC 3339, normalised).
  if (Date.parse(token.expiresAt) <= Date.now()) {
    throw new SsoCredentialsProviderError(
      `The SSO token for ${who} expired at ${token.expiresAt}; tokens of profiles with sso_start_url in the ` +
        `profile (no sso_session) cannot be refreshed. ${signInAdvice(signIn)}`,
      { reason: "Token", signInCommand: command, logger },
    );
  }
  return token.accessToken;
};
