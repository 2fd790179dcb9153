import type { AccountInfo } from "@aws-sdk/client-sso";
import { paginateListAccountRoles, paginateListAccounts, SSOClient } from "@aws-sdk/client-sso";
import type { Logger } from "@smithy/types";
import type { SsoProfile } from "@sso-kit/token-provider/internal";
import {
  boundedRequestHandler,
  fromSso,
  resolveSsoProfile,
  signInAdvice,
  SsoTokenCache,
} from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";
import { readPages } from "./readPages.js";
import { toPortalCliError, type PortalCallContext } from "./toPortalCliError.js";

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
  /**
   * Called once every account is known (`listed` 0) and after each account's roles are read, so that a caller
   * can show how far a long listing has come.
   */
  readonly onProgress?: (progress: ListingProgress) => void;
}

/** How far {@link listAccountsAndRoles} has come. */
export interface ListingProgress {
  /** Accounts whose roles have been read. */
  readonly listed: number;
  /** Accounts to read the roles of. */
  readonly accounts: number;
}

/**
 * How many accounts' roles are listed at the same time: the portal allows about 20 requests a second to a whole
 * organisation, so more would only earn more throttling.
 */
const CONCURRENCY = 4;

/** ListAccounts' largest page: every request spent on paging is one fewer for the roles under the rate limit. */
const ACCOUNTS_PER_PAGE = 100;

/**
 * The SDK's adaptive retry strategy paces the client: after the first TooManyRequestsException it sends no faster
 * than the portal lets through, and every call made with the client shares that pace. While the pace settles a
 * call may meet more than one throttle: 5 attempts (the SDK's default is 3) ride them out, while a portal that keeps
 * failing (5xx) is still given up on within seconds, by the SDK's backoff and retry quota.
 */
const RETRY = { retryMode: "adaptive", maxAttempts: 5 } as const;

/**
 * Every account and role the profile's SSO session can use, read through every page of ListAccounts and
 * ListAccountRoles (the SDK's paginators) with the access token from the token provider (refreshed if needed).
 *
 * Every page is checked: a reply without its list (`accountList`, `roleList`) or an entry without its id or name
 * is an error, never an empty result; a portal that repeats a `nextToken` or pages without end is stopped (see
 * `readPages`: at most `MAX_PAGES`, 1,000 pages per listing).
 *
 * @throws a `CliError` naming the operation and the HTTP status (see `toPortalCliError`): exit 3 when the portal
 *   rejects the session, exit 1 when the service failed, the endpoint is not IAM Identity Center, or a reply is
 *   incomplete. Its message quotes the portal's through `describeError` with the access token redacted, since
 *   services may echo the token they were sent.
 */
export async function listAccountsAndRoles(options: ListAccountsAndRolesOptions): Promise<AccountListing> {
  const { logger } = options;
  const profile = await resolveSsoProfile({ profile: options.profile });
  const { startUrl, region } = profile.kind === "sso-session" ? profile.session : profile;
  const accessToken = await accessTokenOf(profile, logger);
  options.secrets?.add(accessToken);
  const client = new SSOClient({
    region,
    ...RETRY,
    requestHandler: boundedRequestHandler(),
    ...(logger ? { logger } : {}),
  });
  const context = { profileName: profile.profileName, client, secrets: [accessToken] };
  try {
    const accounts: Array<Omit<AccountWithRoles, "roles">> = [];
    await call({ ...context, operation: "ListAccounts" }, () =>
      readPages(
        "ListAccounts",
        paginateListAccounts({ client, pageSize: ACCOUNTS_PER_PAGE }, { accessToken }),
        (page) => {
          for (const account of required(page.accountList, "accountList", "ListAccounts", page)) {
            accounts.push(parseAccount(account, page));
          }
        },
      ),
    );
    let listed = 0;
    options.onProgress?.({ listed, accounts: accounts.length });
    const withRoles = await mapConcurrently(accounts, CONCURRENCY, async (account) => {
      const roles: string[] = [];
      await call({ ...context, operation: "ListAccountRoles" }, () =>
        readPages(
          "ListAccountRoles",
          paginateListAccountRoles({ client }, { accessToken, accountId: account.accountId }),
          (page) => {
            for (const role of required(page.roleList, "roleList", "ListAccountRoles", page)) {
              roles.push(required(role.roleName, "roleName", "ListAccountRoles", page));
            }
          },
        ),
      );
      options.onProgress?.({ listed: ++listed, accounts: accounts.length });
      return { ...account, roles: roles.sort() };
    });
    withRoles.sort(
      (a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId),
    );
    return { profileName: profile.profileName, startUrl, region, accounts: withRoles };
  } finally {
    client.destroy();
  }
}

/** Runs one portal listing, turning what it throws into the CLI's error for `context`. */
async function call(context: PortalCallContext, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw await toPortalCliError(error, context);
  }
}

/** An account id as the portal gives them: 12 digits. */
const ACCOUNT_ID = /^\d{12}$/;

function parseAccount(account: AccountInfo, page: Page): Omit<AccountWithRoles, "roles"> {
  const accountId = required(account.accountId, "accountId", "ListAccounts", page);
  if (!ACCOUNT_ID.test(accountId))
    throw incomplete("ListAccounts", "an accountId that is not 12 digits", page);
  return {
    accountId,
    accountName: account.accountName ?? "",
    ...(account.emailAddress ? { emailAddress: account.emailAddress } : {}),
  };
}

/** A page's HTTP status, for messages. */
interface Page {
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** `value`, or the error for a reply of `operation` without the `field` it must have. */
function required<T>(value: T | undefined | null, field: string, operation: string, page: Page): T {
  if (value === undefined || value === null || (value as unknown) === "") {
    throw incomplete(operation, `no ${field}`, page);
  }
  return value;
}

function incomplete(operation: string, what: string, page: Page): CliError {
  return new CliError(
    `IAM Identity Center's ${operation} reply (HTTP ${page.$metadata?.httpStatusCode ?? "status unknown"}) has ${what}: the service failed; try again`,
    ExitCode.Failure,
  );
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
