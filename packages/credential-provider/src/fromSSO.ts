import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { roleCredentialCacheModeOf } from "./cache/roleCredentialCacheModeOf.js";
import { ProviderClients } from "./clients/ProviderClients.js";
import { describeTarget } from "./config/describeTarget.js";
import { resolveRoleChain } from "./config/resolveRoleChain.js";
import type { RoleChain } from "./config/RoleChain.js";
import type { RoleHop } from "./config/RoleHop.js";
import type { RoleTarget } from "./config/RoleTarget.js";
import { ssoRegionOf } from "./config/ssoRegionOf.js";
import {
  adoptCredentialsProviderError,
  SsoCredentialsProviderError,
} from "./errors/SsoCredentialsProviderError.js";
import type { FromSSOInit, InheritedClientConfig } from "./FromSSOInit.js";
import type { SsoCredentialIdentity } from "./identity/SsoCredentialIdentity.js";
import { toCredentialIdentity } from "./identity/toCredentialIdentity.js";
import { getRoleCredentialsHealing } from "./portal/getRoleCredentialsHealing.js";
import type { RoleCredentials } from "./portal/RoleCredentials.js";
import { hopSharingKey } from "./sharing/hopSharingKey.js";
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
 * A profile with `role_arn` + `source_profile` is a role chain: its SSO profile's role credentials, then one STS
 * `AssumeRole` per hop (`@aws-sdk/client-sts`, loaded then), each hop's credentials shared the same way, keyed by
 * the chain below them.
 *
 * An access token the portal rejects although the cache calls it valid (revoked or shortened server-side) is
 * refreshed once and GetRoleCredentials retried once (sso-session profiles; see `getRoleCredentialsHealing`).
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
  let chain: RoleChain | undefined;
  let memo: Memo | undefined;
  let pending: Promise<SsoCredentialIdentity> | undefined;

  const refresh = async (properties: Record<string, unknown> | undefined): Promise<SsoCredentialIdentity> => {
    logger?.debug?.(`${LOG} fromSSO`);
    await adoptCredentialsProviderError();
    const caller = callerOf(properties) ?? init.callerClientConfig;
    const resolved = chain ?? (await resolveRoleChain(init, caller));
    if (reuse) chain = resolved;
    const { base, hops } = resolved;
    clients.useCaller(caller);
    const renew = reuse && properties?.forceRefresh !== true;
    // Opted in: every level's credentials are shared by every process through the AWS CLI's cache folder, and
    // (as the CLI does) fresh ones found there are used before any token is read.
    // The disk cache's code is loaded only then, as STS's only for a role chain and sign-in's only with `login`.
    const disk =
      roleCredentialCacheModeOf(init) === "shared"
        ? {
            ...(await import("./cache/fetchThroughRoleCredentialCache.js")),
            ...(await import("./cache/readCachedChainCredentials.js")),
            ...(await import("./cache/roleCredentialCacheSlot.js")),
          }
        : undefined;
    const throughDisk =
      (level: RoleTarget | RoleHop, fetch: () => Promise<RoleCredentials>, fresh: boolean) => () =>
        disk === undefined
          ? fetch()
          : disk.fetchThroughRoleCredentialCache(disk.roleCredentialCacheSlot(level), fetch, {
              reuse: fresh,
              logger,
            });
    const cached =
      disk !== undefined && reuse
        ? await disk.readCachedChainCredentials(resolved, { renew, logger })
        : undefined;
    let key: string;
    let baseCredentials: () => Promise<RoleCredentials>;
    if (cached === undefined) {
      const accessToken = await getAccessToken(base, clients, logger);
      const baseKey = sharingKey(base, accessToken);
      const fetch = async () => {
        logger?.debug?.(`${LOG} GetRoleCredentials for ${describeTarget(base)}`);
        return getRoleCredentialsHealing({ target: base, clients, accessToken, logger });
      };
      // Credentials below the last hop are reused while fresh even on forceRefresh: only the outermost were
      // refused by whoever asked.
      const fresh = hops.length === 0 ? renew : reuse;
      key = baseKey;
      baseCredentials = () => sharedRoleCredentials.resolve(baseKey, throughDisk(base, fetch, fresh), fresh);
    } else {
      key = cached.sharingKey;
      baseCredentials = () => Promise.resolve(cached.credentials);
    }
    let credentials: RoleCredentials;
    try {
      credentials = await baseCredentials();
      const sts = hops.length === 0 ? undefined : await import("./sts/assumeRole.js");
      let sourceKey = key;
      for (const [index, hop] of hops.entries()) {
        if (index < (cached?.nextHop ?? 0)) continue;
        const source = credentials;
        const region = hop.region ?? ssoRegionOf(base);
        const hopKey = hopSharingKey(sourceKey, hop, region);
        const assume = () => {
          logger?.debug?.(`${LOG} AssumeRole ${hop.roleArn} for profile ${hop.profileName}`);
          const { mfaCodeProvider } = init;
          return sts!.assumeRole({ clients, hop, source, defaultRegion: region, mfaCodeProvider, logger });
        };
        const fresh = index === hops.length - 1 ? renew : reuse;
        try {
          credentials = await sharedRoleCredentials.resolve(hopKey, throughDisk(hop, assume, fresh), fresh);
        } catch (error) {
          const { isSourceRejected } = await import("./sts/toStsError.js");
          if (isSourceRejected(error)) sharedRoleCredentials.invalidate(sourceKey);
          throw error;
        }
        sourceKey = hopKey;
      }
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
    const identity = toCredentialIdentity(credentials, base, hops);
    if (reuse) {
      memo = {
        identity,
        promise: Promise.resolve(identity),
        refreshAt: credentials.expiration - REFRESH_WINDOW_MS,
      };
    }
    return identity;
  };

  /** `refresh`, and with `login` a sign-in when the session ended (its code is loaded only then). */
  const resolve = (properties: Record<string, unknown> | undefined): Promise<SsoCredentialIdentity> =>
    init.login === undefined || init.login === false
      ? refresh(properties)
      : import("./signin/signInOnDemand.js").then(({ signInOnDemand }) =>
          signInOnDemand(init, () => refresh(properties), callerOf(properties) ?? init.callerClientConfig),
        );

  return (properties?: Record<string, unknown>): Promise<SsoCredentialIdentity> => {
    if (memo !== undefined && Date.now() < memo.refreshAt && properties?.forceRefresh !== true) {
      return memo.promise;
    }
    return (pending ??= resolve(properties).finally(() => {
      pending = undefined;
    }));
  };
};
