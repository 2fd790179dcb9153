/** An `[sso-session <name>]` section of the shared config file. */
export interface SsoSession {
  /** The section's name; also the token cache key. */
  name: string;
  /** `sso_start_url`: the AWS access portal URL. */
  startUrl: string;
  /** `sso_region`: the region of IAM Identity Center (and of its OIDC endpoint). */
  region: string;
  /** `sso_registration_scopes`, split on commas; absent when not configured. */
  registrationScopes?: string[];
}

/** A profile that gets its identity from IAM Identity Center. */
export type SsoProfile = SsoSessionProfile | LegacySsoProfile;

/** A profile that names an `sso_session` (refreshable tokens). */
export interface SsoSessionProfile {
  kind: "sso-session";
  /** The profile's name (without the `profile ` prefix). */
  profileName: string;
  /** The session the profile names, fully resolved. */
  session: SsoSession;
  /** `sso_account_id`, when set. */
  accountId?: string;
  /** `sso_role_name`, when set. */
  roleName?: string;
  /** Profile-level `sso_start_url`, when also present (it agrees with `session.startUrl`, or resolution fails). */
  startUrl?: string;
  /** Profile-level `sso_region`, when also present (it agrees with `session.region`, or resolution fails). */
  region?: string;
}

/** A profile with `sso_start_url` and `sso_region` and no `sso_session` (tokens keyed by start URL, never refreshed). */
export interface LegacySsoProfile {
  kind: "legacy";
  /** The profile's name (without the `profile ` prefix). */
  profileName: string;
  /** `sso_start_url`; also the token cache key. */
  startUrl: string;
  /** `sso_region`. */
  region: string;
  /** `sso_account_id`, when set. */
  accountId?: string;
  /** `sso_role_name`, when set. */
  roleName?: string;
}
