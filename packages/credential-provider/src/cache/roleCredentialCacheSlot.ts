import type { RoleHop } from "../config/RoleHop.js";
import type { RoleTarget } from "../config/RoleTarget.js";
import { assumeRoleCacheKey } from "./assumeRoleCacheKey.js";
import type { RoleCredentialCacheEntry } from "./CachedRoleCredentials.js";
import { roleCredentialCacheKey } from "./roleCredentialCacheKey.js";

/** Where one level of a role chain is cached in `~/.aws/cli/cache`: the file's key and the kind of entry. */
export interface RoleCredentialCacheSlot {
  readonly entry: RoleCredentialCacheEntry;
  /** The file name stem, the AWS CLI's for the same role. */
  readonly key: string;
  /** The account of the credentials, written into `sso` entries as the AWS CLI does. */
  readonly accountId: string;
}

/**
 * The cache slot of a chain's SSO base (`sso` entry keyed by role, account and session or start URL) or of one of
 * its AssumeRole hops (`assume-role` entry keyed by the AssumeRole parameters), named as the AWS CLI names them.
 */
export const roleCredentialCacheSlot = (level: RoleTarget | RoleHop): RoleCredentialCacheSlot => {
  if ("roleArn" in level) {
    return { entry: "assume-role", key: assumeRoleCacheKey(level), accountId: level.accountId };
  }
  const { accountId, roleName } = level;
  const key = roleCredentialCacheKey(
    level.kind === "sso-session"
      ? { accountId, roleName, sessionName: level.session.name }
      : { accountId, roleName, startUrl: level.startUrl },
  );
  return { entry: "sso", key, accountId };
};
