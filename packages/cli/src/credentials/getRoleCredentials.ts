import type { Logger } from "@smithy/types";
import {
  fromSSO,
  RoleCredentialCache,
  signInOnDemand,
  type FromSSOLoginOptions,
  roleCredentialCacheKey,
  type CachedRoleCredentials,
} from "@sso-kit/credential-provider/internal";
import { getProfileName, loadSharedConfig, resolveSsoProfile } from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";

/** Cached credentials are reused until this long before they expire (the AWS CLI's and SDKs' refresh margin). */
export const ROLE_CREDENTIALS_REFRESH_WINDOW_MS = 5 * 60 * 1000;

/** Options of {@link getRoleCredentials}. */
export interface GetRoleCredentialsOptions {
  /** The profile with `sso_account_id` and `sso_role_name` [AWS_PROFILE, then `default`]. */
  readonly profile?: string;
  /**
   * Sign in on demand (`fromSSO`'s `login`) when the session has ended, then try once more; `false` (default):
   * fail. The sign-in runs outside the role-credential cache's lock, so processes waiting there are not held
   * for the minutes a person takes: they wait on the sign-in lock instead, and use its token.
   */
  readonly login?: FromSSOLoginOptions | false;
  /** Handed to `fromSSO` and the cache. */
  readonly logger?: Logger;
  /**
   * Told the secret access key and session token as soon as they are read or fetched, so that the caller's
   * logger and error messages can redact them.
   */
  readonly secrets?: KnownSecrets;
}

/** Role credentials and where they came from. */
export interface ResolvedRoleCredentials {
  /** The credentials. */
  readonly credentials: CachedRoleCredentials;
  /**
   * `cache`: reused from `~/.aws/cli/cache`; `sso`: fetched with GetRoleCredentials (and then cached); `chain`:
   * a role chain's (`role_arn` + `source_profile`), through `fromSSO` with the shared cache (each hop cached in
   * `~/.aws/cli/cache` as the AWS CLI caches assumed roles).
   */
  readonly source: "cache" | "sso" | "chain";
}

/**
 * The role credentials of an SSO profile for `credential-process` and `export`: reused from the AWS CLI's
 * role-credential cache while more than 5 minutes remain, otherwise obtained through `fromSSO` (which reads and
 * refreshes the SSO token) and cached, so that repeated runs do not call GetRoleCredentials each time. A profile
 * with `role_arn` is a role chain: its credentials come from `fromSSO` with the shared cache, which follows the
 * chain to its SSO profile and assumes each role when its cached credentials are not fresh.
 *
 * @throws the SSO packages' errors (not signed in, bad config, service errors), or a `CliError` when the profile
 *   names no account and role.
 */
export async function getRoleCredentials(
  options: GetRoleCredentialsOptions,
): Promise<ResolvedRoleCredentials> {
  const { logger } = options;
  return signInOnDemand(
    {
      ...(options.profile !== undefined && { profile: options.profile }),
      login: options.login ?? false,
      ...(logger !== undefined && { logger }),
    },
    () => resolveRoleCredentials(options),
  );
}

async function resolveRoleCredentials(options: GetRoleCredentialsOptions): Promise<ResolvedRoleCredentials> {
  const { logger, secrets } = options;
  const profileName = getProfileName({ profile: options.profile });
  if ((await loadSharedConfig()).profiles.get(profileName)?.role_arn) {
    // fromSSO resolves the chain (and reports a chain without SSO), and caches each level under its own lock.
    const credentials = await fetchRoleCredentials(profileName, undefined, logger, "shared");
    secrets?.add(credentials.secretAccessKey, credentials.sessionToken);
    return { credentials, source: "chain" };
  }
  const profile = await resolveSsoProfile({ profile: profileName });
  const { accountId, roleName } = profile;
  if (accountId === undefined || roleName === undefined) {
    throw new CliError(
      `Profile '${profile.profileName}' has no sso_account_id and sso_role_name, so it has no role credentials; add them to the profile (see 'sso-kit ls --profile ${profile.profileName}' for your accounts and roles).`,
    );
  }
  const key = roleCredentialCacheKey(
    profile.kind === "sso-session"
      ? { accountId, roleName, sessionName: profile.session.name }
      : { accountId, roleName, startUrl: profile.startUrl },
  );
  const cache = new RoleCredentialCache(logger ? { logger } : {});
  // One process fetches; concurrent runs (a tool starting many credential processes) wait and reuse its result.
  const resolved = await cache.resolve(key, () => fetchRoleCredentials(profileName, accountId, logger), {
    refreshWindowMs: ROLE_CREDENTIALS_REFRESH_WINDOW_MS,
  });
  secrets?.add(resolved.credentials.secretAccessKey, resolved.credentials.sessionToken);
  return resolved;
}

async function fetchRoleCredentials(
  profileName: string,
  accountId: string | undefined,
  logger: Logger | undefined,
  // "memory" for an SSO profile: the caller already holds the shared cache's lock, whatever
  // SSO_KIT_ROLE_CREDENTIAL_CACHE says.
  roleCredentialCache: "memory" | "shared" = "memory",
): Promise<CachedRoleCredentials> {
  const identity = await fromSSO({
    profile: profileName,
    roleCredentialCache,
    ...(logger ? { logger } : {}),
  })();
  if (identity.sessionToken === undefined || identity.expiration === undefined) {
    throw new CliError(
      `IAM Identity Center returned role credentials for profile '${profileName}' without a session token or expiry.`,
    );
  }
  return {
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    sessionToken: identity.sessionToken,
    expiration: identity.expiration,
    ...((identity.accountId ?? accountId) !== undefined && { accountId: identity.accountId ?? accountId }),
  };
}
