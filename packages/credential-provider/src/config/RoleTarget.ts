import type { SsoSession } from "@sso-kit/token-provider/internal/core";

/** Fields every role target has, whatever its kind. */
interface RoleTargetBase {
  /** The account whose role credentials are requested (`sso_account_id` / `ssoAccountId`). */
  readonly accountId: string;
  /** The permission set's role name (`sso_role_name` / `ssoRoleName`). */
  readonly roleName: string;
  /** The profile the target was read from, or the one named in `init.profile`; for messages. */
  readonly profileName: string | undefined;
  /** `true` when read from a config profile (sets the `CREDENTIALS_PROFILE_SSO*` feature flags). */
  readonly fromProfile: boolean;
}

/** Role credentials through an `[sso-session]`: the token comes from the (refreshing) token provider. */
export interface SessionRoleTarget extends RoleTargetBase {
  readonly kind: "sso-session";
  readonly session: SsoSession;
}

/** Role credentials through a legacy profile (start URL in the profile): the cached token is never refreshed. */
export interface LegacyRoleTarget extends RoleTargetBase {
  readonly kind: "legacy";
  readonly startUrl: string;
  readonly region: string;
}

/** What `fromSSO` resolved its profile or options to: which role, in which account, through which sign-in. */
export type RoleTarget = SessionRoleTarget | LegacyRoleTarget;
