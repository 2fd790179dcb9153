import type { RoleHop } from "./RoleHop.js";
import type { RoleTarget } from "./RoleTarget.js";

/**
 * What `fromSSO` resolved a profile to: the IAM Identity Center role credentials of `base`, then one `AssumeRole`
 * per hop, in order (`hops[0]` is assumed with the SSO credentials; the last hop's credentials are handed out).
 * Without `role_arn` in the profile, `hops` is empty.
 */
export interface RoleChain {
  readonly base: RoleTarget;
  readonly hops: readonly RoleHop[];
}
