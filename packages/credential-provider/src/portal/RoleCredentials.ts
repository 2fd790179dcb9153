import type { AssumedRoleUser } from "../cache/CachedRoleCredentials.js";

/** Temporary credentials from GetRoleCredentials or AssumeRole, validated. Shared between providers; never logged. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Expiry, epoch milliseconds (the wire unit). */
  readonly expiration: number;
  /** The credential scope, when the portal returns one. */
  readonly credentialScope?: string;
  /** Who AssumeRole says the credentials belong to, when it says so (kept in the shared cache file). */
  readonly assumedRoleUser?: AssumedRoleUser;
}
