import type { Logger } from "@smithy/types";
import type { RoleChain } from "../config/RoleChain.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { REFRESH_WINDOW_MS } from "../sharing/REFRESH_WINDOW_MS.js";
import { RoleCredentialCache } from "./RoleCredentialCache.js";
import { roleCredentialCacheSlot } from "./roleCredentialCacheSlot.js";
import { toRoleCredentials } from "./toRoleCredentials.js";

/** Fresh credentials of one level of a chain, found in the role-credential cache. */
export interface CachedChainCredentials {
  readonly credentials: RoleCredentials;
  /** The in-process sharing key of these credentials, as the source key of the hops above them. */
  readonly sharingKey: string;
  /** The index in `chain.hops` of the first hop still to assume (`hops.length`: none, these are handed out). */
  readonly nextHop: number;
}

/** Options of {@link readCachedChainCredentials}. */
export interface ReadCachedChainCredentialsOptions {
  /** `false` (forceRefresh): the outermost level's file is not used, only those below it. */
  readonly renew: boolean;
  readonly logger: Logger | undefined;
}

/**
 * The outermost level of `chain` whose credentials are fresh in `~/.aws/cli/cache`, looked for from the last hop
 * down to the SSO base before any access token is read, as the AWS CLI does: a process whose (assumed-)role
 * credentials are cached needs no token, so an expired or revoked sign-in does not fail it while they last.
 * `undefined` when no level is cached: the caller starts from the SSO base with a token.
 */
export const readCachedChainCredentials = async (
  chain: RoleChain,
  options: ReadCachedChainCredentialsOptions,
): Promise<CachedChainCredentials | undefined> => {
  const { logger } = options;
  const levels = [chain.base, ...chain.hops];
  const caches = new Map<string, RoleCredentialCache>();
  // At most hops.length + 1 reads, outermost first.
  for (let level = options.renew ? levels.length - 1 : levels.length - 2; level >= 0; level--) {
    const slot = roleCredentialCacheSlot(levels[level]!);
    let cache = caches.get(slot.entry);
    if (cache === undefined) {
      cache = new RoleCredentialCache({ entry: slot.entry, ...(logger && { logger }) });
      caches.set(slot.entry, cache);
    }
    const cached = await cache.fresh(slot.key, REFRESH_WINDOW_MS);
    if (cached !== undefined) {
      return {
        credentials: toRoleCredentials(cached),
        sharingKey: JSON.stringify(["role-credential-cache", slot.entry, slot.key]),
        nextHop: level,
      };
    }
  }
  return undefined;
};
