import type { Logger } from "@smithy/types";
import type { ProviderClients } from "../clients/ProviderClients.js";
import { describeTarget } from "../config/describeTarget.js";
import type { RoleTarget } from "../config/RoleTarget.js";
import { ssoRegionOf } from "../config/ssoRegionOf.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toTokenCredentialsError } from "../token/toTokenCredentialsError.js";
import { getRoleCredentials } from "./getRoleCredentials.js";
import type { RoleCredentials } from "./RoleCredentials.js";

/** What {@link getRoleCredentialsHealing} needs. */
export interface HealingRequest {
  /** Which role in which account, through which sign-in. */
  target: RoleTarget;
  /** The SSO client of the target's region, and the token provider of its sso-session. */
  clients: ProviderClients;
  /** The access token the cache gave (never logged). */
  accessToken: string;
  logger: Logger | undefined;
}

const LOG = "@sso-kit/credential-provider -";

/**
 * GetRoleCredentials, healing an access token the portal rejected before its expiry (the service revoked or
 * shortened it): for an sso-session target, the token provider refreshes that token once (under the cache lock,
 * using the one another process already got when there is one) and the call is made once more with the new token.
 * A legacy target cannot refresh, and nothing is tried a third time: a token rejected again, or a refresh that
 * fails, is the error the caller gets (sign in again when the session ended; try again when the service failed).
 */
export const getRoleCredentialsHealing = async ({
  target,
  clients,
  accessToken,
  logger,
}: HealingRequest): Promise<RoleCredentials> => {
  // The retry's errors redact the rejected token too: a portal may still quote it.
  const call = async (token: string, otherSecrets: readonly string[] = []): Promise<RoleCredentials> =>
    getRoleCredentials({
      client: await clients.portal(ssoRegionOf(target)),
      target,
      accessToken: token,
      logger,
      otherSecrets,
    });
  try {
    return await call(accessToken);
  } catch (error) {
    const rejected = error instanceof SsoCredentialsProviderError && error.reason === "Unauthorized";
    if (!rejected || target.kind !== "sso-session") throw error;
    logger?.debug?.(
      `${LOG} the portal rejected the SSO access token for ${describeTarget(target)}; refreshing it once`,
    );
    let renewed: string;
    try {
      const provider = clients.tokenProvider(target);
      renewed = (await provider({ forceRefresh: true, rejectedToken: accessToken })).token;
    } catch (refreshError) {
      throw toTokenCredentialsError(refreshError, target, logger, "Unauthorized");
    }
    return call(renewed, [accessToken]);
  }
};
