import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { fetchThroughRoleCredentialCache } from "./cache/fetchThroughRoleCredentialCache.js";
import { roleCredentialCacheModeOf } from "./cache/roleCredentialCacheModeOf.js";
import { ProviderClients } from "./clients/ProviderClients.js";
import { describeTarget } from "./config/describeTarget.js";
import { resolveRoleTarget } from "./config/resolveRoleTarget.js";
import type { RoleTarget } from "./config/RoleTarget.js";
import { ssoRegionOf } from "./config/ssoRegionOf.js";
import {
  adoptCredentialsProviderError,
  SsoCredentialsProviderError,
} from "./errors/SsoCredentialsProviderError.js";
import type { FromSSOInit, InheritedClientConfig } from "./FromSSOInit.js";
import type { SsoCredentialIdentity } from "./identity/SsoCredentialIdentity.js";
import { toCredentialIdentity } from "./identity/toCredentialIdentity.js";
import { getRoleCredentials } from "./portal/getRoleCredentials.js";
import { REFRESH_WINDOW_MS } from "./sharing/REFRESH_WINDOW_MS.js";
import { sharedRoleCredentials } from "./sharing/SharedRoleCredentials.js";
import { sharingKey } from "./sharing/sharingKey.js";
import { getAccessToken } from "./token/getAccessToken.js";

const LOG = "@sso-kit/credential-provider -";

/** After a transient failure, credentials still valid are handed out for this long before the next attempt. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/** The credentials a provider hands out without any work until `refreshAt`. */
interface Memo {
  readonly identity: SsoCredentialIdentity;
  /** The same settled promise on every memoized call: nothing is allocated on that path. */
  readonly promise: Promise<SsoCredentialIdentity>;
  refreshAt: number;
}

const callerOf = (properties: Record<string, unknown> | undefined): InheritedClientConfig | undefined => {
  const caller = properties?.callerClientConfig;
  return typeof caller === "object" && caller !== null ? (caller as InheritedClientConfig) : undefined;
};

/**
 * IAM Identity Center (AWS SSO) role credentials for the AWS SDK for JavaScript v3: a drop-in for `fromSSO` of
 * `@aws-sdk/credential-providers` / `@aws-sdk/credential-provider-sso` (same options, same errors' `tryNextLink`
 * semantics), with tokens read, refreshed and locked by `@sso-kit/token-provider`.
 *
 * The provider resolves its profile (or options) once, memoizes its credentials until 5 minutes before they
 * expire, and shares them, and any GetRoleCredentials call under way, with every provider of the process that
 * resolves the same session or start URL, account, role and access token.
 *
 * @example
 * ```ts
 * import { fromSSO } from "@sso-kit/credential-provider";
 * const s3 = new S3Client({ credentials: fromSSO({ profile: "dev" }) });
 * ```
 *
 * @throws SsoCredentialsProviderError (a `CredentialsProviderError`): `tryNextLink: true` only when the profile
 *   is missing or not an SSO profile (a token-only profile stops a chain, as with the official provider);
 *   otherwise `false`, with a `reason` and, when the fix is to sign in again, the exact command.
 */
export const fromSSO = (init: FromSSOInit = {}): AwsCredentialIdentityProvider => {
  const { logger } = init;
  const reuse = init.ignoreCache !== true;
  const clients = new ProviderClients(init, logger);
  let target: RoleTarget | undefined;
  let memo: Memo | undefined;
  let pending: Promise<SsoCredentialIdentity> | undefined;

  const refresh = async (properties: Record<string, unknown> | undefined): Promise<SsoCredentialIdentity> => {
    logger?.debug?.(`${LOG} fromSSO`);
    await adoptCredentialsProviderError();
    const caller = callerOf(properties) ?? init.callerClientConfig;
    const resolved = target ?? (await resolveRoleTarget(init, caller));
    if (reuse) target = resolved;
    clients.useCaller(caller);
    const accessToken = await getAccessToken(resolved, clients, logger);
    const key = sharingKey(resolved, accessToken);
    const fetch = async () => {
      logger?.debug?.(`${LOG} GetRoleCredentials for ${describeTarget(resolved)}`);
      const client = await clients.portal(ssoRegionOf(resolved));
      return getRoleCredentials({ client, target: resolved, accessToken, logger });
    };
    const reuseHeld = reuse && properties?.forceRefresh !== true;
    const fetchShared =
      roleCredentialCacheModeOf(init) === "shared"
        ? () => fetchThroughRoleCredentialCache(resolved, fetch, { reuse: reuseHeld, logger })
        : fetch;
    let credentials;
    try {
      credentials = await sharedRoleCredentials.resolve(key, fetchShared, reuseHeld);
    } catch (error) {
      const now = Date.now();
      if (error instanceof SsoCredentialsProviderError && error.reason === "Unauthorized") {
        memo = undefined;
        sharedRoleCredentials.invalidate(key);
      } else if (
        error instanceof SsoCredentialsProviderError &&
        error.reason === "ServiceUnavailable" &&
        memo !== undefined &&
        memo.identity.expiration.getTime() > now
      ) {
        memo.refreshAt = Math.min(now + RETRY_AFTER_FAILURE_MS, memo.identity.expiration.getTime());
        logger?.warn?.(
          `${LOG} ${error.message} Using the current credentials until they expire at ` +
            `${memo.identity.expiration.toISOString()}.`,
        );
        return memo.identity;
      }
      throw error;
    }
    const identity = toCredentialIdentity(credentials, resolved);
    if (reuse) {
      memo = {
        identity,
        promise: Promise.resolve(identity),
        refreshAt: credentials.expiration - REFRESH_WINDOW_MS,
      };
    }
    return identity;
  };

  return (properties?: Record<string, unknown>): Promise<SsoCredentialIdentity> => {
    if (memo !== undefined && Date.now() < memo.refreshAt && properties?.forceRefresh !== true) {
      return memo.promise;
    }
    return (pending ??= refresh(properties).finally(() => {
      pending = undefined;
    }));
  };
};
