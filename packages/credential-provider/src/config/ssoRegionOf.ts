import type { RoleTarget } from "./RoleTarget.js";

/** Where the SSO portal of a target is called: always the session's or profile's `sso_region`. */
export const ssoRegionOf = (target: RoleTarget): string =>
  target.kind === "sso-session" ? target.session.region : target.region;
