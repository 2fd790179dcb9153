import type { Logger } from "@smithy/types";
import type { RoleTarget } from "../config/RoleTarget.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { REFRESH_WINDOW_MS } from "../sharing/REFRESH_WINDOW_MS.js";
import { RoleCredentialCache } from "./RoleCredentialCache.js";
import { roleCredentialCacheKey } from "./roleCredentialCacheKey.js";

/** Options of {@link fetchThroughRoleCredentialCache}. */
export interface FetchThroughRoleCredentialCacheOptions {
  /** `false` (ignoreCache, forceRefresh): fetch whatever the file holds, and replace it. */
  readonly reuse: boolean;
  readonly logger: Logger | undefined;
}

/**
 * `fetch` (one GetRoleCredentials) behind the machine-wide role-credential cache (`~/.aws/cli/cache`, the AWS
 * CLI's files and key): fresh credentials in the target's file are used without a call, otherwise one process at
 * a time fetches and writes them (see {@link RoleCredentialCache.resolve}).
 */
export const fetchThroughRoleCredentialCache = async (
  target: RoleTarget,
  fetch: () => Promise<RoleCredentials>,
  options: FetchThroughRoleCredentialCacheOptions,
): Promise<RoleCredentials> => {
  const cache = new RoleCredentialCache(options.logger ? { logger: options.logger } : {});
  const { accountId, roleName } = target;
  const key = roleCredentialCacheKey(
    target.kind === "sso-session"
      ? { accountId, roleName, sessionName: target.session.name }
      : { accountId, roleName, startUrl: target.startUrl },
  );
  let fetched: RoleCredentials | undefined;
  const resolved = await cache.resolve(
    key,
    async () => {
      fetched = await fetch();
      return { ...fetched, expiration: new Date(fetched.expiration), accountId };
    },
    { refreshWindowMs: REFRESH_WINDOW_MS, reuse: options.reuse },
  );
  // What this process fetched is handed out as the portal returned it (the file does not keep credentialScope).
  if (resolved.source === "sso" && fetched !== undefined) return fetched;
  const { credentials } = resolved;
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration.getTime(),
  };
};
