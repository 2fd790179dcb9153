import type { Logger } from "@smithy/types";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { REFRESH_WINDOW_MS } from "../sharing/REFRESH_WINDOW_MS.js";
import { RoleCredentialCache } from "./RoleCredentialCache.js";
import type { RoleCredentialCacheSlot } from "./roleCredentialCacheSlot.js";
import { toRoleCredentials } from "./toRoleCredentials.js";

/** Options of {@link fetchThroughRoleCredentialCache}. */
export interface FetchThroughRoleCredentialCacheOptions {
  /** `false` (ignoreCache, forceRefresh): fetch whatever the file holds, and replace it. */
  readonly reuse: boolean;
  readonly logger: Logger | undefined;
}

/**
 * `fetch` (one GetRoleCredentials or AssumeRole) behind the machine-wide role-credential cache
 * (`~/.aws/cli/cache`, the AWS CLI's files and keys): fresh credentials in the slot's file are used without a
 * call, otherwise one process at a time fetches and writes them (see {@link RoleCredentialCache.resolve}).
 */
export const fetchThroughRoleCredentialCache = async (
  slot: RoleCredentialCacheSlot,
  fetch: () => Promise<RoleCredentials>,
  options: FetchThroughRoleCredentialCacheOptions,
): Promise<RoleCredentials> => {
  const { entry, key, accountId } = slot;
  const cache = new RoleCredentialCache({ entry, ...(options.logger && { logger: options.logger }) });
  let fetched: RoleCredentials | undefined;
  const resolved = await cache.resolve(
    key,
    async () => {
      fetched = await fetch();
      const { assumedRoleUser } = fetched;
      return {
        ...fetched,
        expiration: new Date(fetched.expiration),
        ...(entry === "sso" ? { accountId } : assumedRoleUser && { assumedRoleUser }),
      };
    },
    { refreshWindowMs: REFRESH_WINDOW_MS, reuse: options.reuse },
  );
  // What this process fetched is handed out as it was returned (the file does not keep credentialScope).
  if (resolved.source === "sso" && fetched !== undefined) return fetched;
  return toRoleCredentials(resolved.credentials);
};
