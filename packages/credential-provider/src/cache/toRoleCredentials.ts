import type { RoleCredentials } from "../portal/RoleCredentials.js";
import type { CachedRoleCredentials } from "./CachedRoleCredentials.js";

/** Credentials read from a cache file, in the form the providers share in memory. */
export const toRoleCredentials = (cached: CachedRoleCredentials): RoleCredentials => ({
  accessKeyId: cached.accessKeyId,
  secretAccessKey: cached.secretAccessKey,
  sessionToken: cached.sessionToken,
  expiration: cached.expiration.getTime(),
});
