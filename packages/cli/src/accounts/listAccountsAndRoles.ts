import { paginateListAccountRoles, paginateListAccounts, SSOClient } from "@aws-sdk/client-sso";
import type { Logger } from "@smithy/types";
import type { SsoProfile } from "@sso-kit/token-provider/internal";
import {
  boundedRequestHandler,
  describeError,
  fromSso,
  resolveSsoProfile,
  signInAdvice,
  SsoTokenCache,
} from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";

/** An AWS account the signed-in user can access, with the roles they can take in it. */
export interface AccountWithRoles {
  /** 12-digit account id. */
  readonly accountId: string;
  /** The account's display name. */
  readonly accountName: string;
  /** The account's root e-mail address, when the portal gives it. */
  readonly emailAddress?: string;
  /** Names of the permission sets (roles) assigned to the user in this account, sorted. */
  readonly roles: string[];
}

/** What {@link listAccountsAndRoles} found, and for which SSO session. */
export interface AccountListing {
  /** The profile the session was resolved from. */
  readonly profileName: string;
  /** The SSO start URL. */
  readonly startUrl: string;
  /** The IAM Identity Center region. */
  readonly region: string;
  /** Every account, sorted by name then id. */
  readonly accounts: AccountWithRoles[];
}

/** Options of {@link listAccountsAndRoles}. */
export interface ListAccountsAndRolesOptions {
  /** A profile with an SSO session or start URL [AWS_PROFILE, then `default`]; no account or role needed. */
  readonly profile?: string;
  /** Handed to the token provider and the SSO client. */
  readonly logger?: Logger;
  /** Told the access token as soon as it is read, so that the caller's logger can redact it too. */
  readonly secrets?: KnownSecrets;
}

/** How many accounts' roles are listed at the same time. */
const CONCURRENCY = 4;

/**
 * Every account and role the profile's SSO session can use, read through every page of ListAccounts and
 * ListAccountRoles (the SDK's paginators) with the access token from the token provider (refreshed if needed).
 *
 * @throws a `CliError` (exit 3) when the portal rejects the session; its message quotes the portal's through
 *   `describeError` with the access token redacted, since services may echo the token they were sent.
 */
export async function listAccountsAndRoles(options: ListAccountsAndRolesOptions): Promise<AccountListing> {
  const { logger } = options;
  const profile = await resolveSsoProfile({ profile: options.profile });
  const { startUrl, region } = profile.kind === "sso-session" ? profile.session : profile;
  const accessToken = await accessTokenOf(profile, logger);
  options.secrets?.add(accessToken);
  const client = new SSOClient({
    region,
    requestHandler: boundedRequestHandler(),
    ...(logger ? { logger } : {}),
  });
  try {
    const accounts: Array<Omit<AccountWithRoles, "roles">> = [];
    for await (const page of paginateListAccounts({ client }, { accessToken })) {
      for (const account of page.accountList ?? []) {
        if (account.accountId === undefined) continue;
        accounts.push({
          accountId: account.accountId,
          accountName: account.accountName ?? "",
          ...(account.emailAddress ? { emailAddress: account.emailAddress } : {}),
        });
      }
    }
    const withRoles = await mapConcurrently(accounts, CONCURRENCY, async (account) => {
      const roles: string[] = [];
      for await (const page of paginateListAccountRoles(
        { client },
        { accessToken, accountId: account.accountId },
      )) {
        for (const role of page.roleList ?? []) if (role.roleName !== undefined) roles.push(role.roleName);
      }
      return { ...account, roles: roles.sort() };
    });
    withRoles.sort(
      (a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId),
    );
    return { profileName: profile.profileName, startUrl, region, accounts: withRoles };
  } catch (error) {
    if (error instanceof Error && error.name === "UnauthorizedException") {
      throw new CliError(
        `IAM Identity Center rejected the SSO session of profile '${profile.profileName}' (${describeError(error, [accessToken])}): it expired or was signed out. ${signInAdvice({ profileName: profile.profileName })}`,
        ExitCode.NotSignedIn,
        { cause: error },
      );
    }
    throw error;
  } finally {
    client.destroy();
  }
}

/**
 * The profile's SSO access token: from the refreshing token provider for an sso-session profile; read from the
 * cache for a legacy profile (start URL in the profile), whose tokens cannot be refreshed.
 */
async function accessTokenOf(profile: SsoProfile, logger: Logger | undefined): Promise<string> {
  if (profile.kind === "sso-session") {
    return (await fromSso({ profile: profile.profileName, ...(logger ? { logger } : {}) })()).token;
  }
  const token = await new SsoTokenCache({ ...(logger ? { logger } : {}) }).readToken(profile.startUrl, {
    profileName: profile.profileName,
  });
  if (token === undefined || !(Date.parse(token.expiresAt) > Date.now())) {
    throw new CliError(
      `${token === undefined ? "Not signed in" : "The SSO session expired"} for profile '${profile.profileName}' (${profile.startUrl}). ${signInAdvice({ profileName: profile.profileName })}`,
      ExitCode.NotSignedIn,
    );
  }
  return token.accessToken;
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
