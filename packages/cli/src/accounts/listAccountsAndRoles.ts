import type { AccountInfo } from "@aws-sdk/client-sso";
import { paginateListAccountRoles, paginateListAccounts, SSOClient } from "@aws-sdk/client-sso";
import type { Logger } from "@smithy/types";
import type { SsoProfile } from "@sso-kit/token-provider/internal";
import {
  boundedRequestHandler,
  configuredEndpoint,
  fromSso,
  loadSharedConfig,
  resolveSsoProfile,
  signInAdvice,
  SsoTokenCache,
} from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";
import { HealingAccessToken } from "./HealingAccessToken.js";
import { listingRetrySettings } from "./listingRetrySettings.js";
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
  /** The config file to read the profile from [AWS_CONFIG_FILE, then ~/.aws/config]. */
  readonly configFilepath?: string;
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
  const { configFilepath } = options;
  const profile = await resolveSsoProfile({
    profile: options.profile,
    ...(configFilepath !== undefined && { configFilepath }),
  });
  const { startUrl, region } = profile.kind === "sso-session" ? profile.session : profile;
  const token = await accessTokenOf(profile, logger, options.secrets, configFilepath);
  const config = await loadSharedConfig({ configFilepath });
  const client = new SSOClient({
    region,
    // The profile's own settings (`use_fips_endpoint`...) and endpoint, not those of AWS_PROFILE.
    profile: profile.profileName,
    // Of the config file the profile came from (the loader's reading of it, not a second one).
    ...(await configuredEndpoint(config, profile.profileName, "sso")),
    // The user's retry settings are the SDK client's to read; sso-kit's apply to the rest.
    ...listingRetrySettings(config.profiles.get(profile.profileName) ?? {}),
    requestHandler: boundedRequestHandler(),
    ...(logger ? { logger } : {}),
  });
  const context = { profileName: profile.profileName, client, secrets: token.secrets, token };
  try {
    const accounts = await call({ ...context, operation: "ListAccounts" }, async (accessToken) => {
      const found: Array<Omit<AccountWithRoles, "roles">> = [];
      await readPages(
        "ListAccounts",
        paginateListAccounts({ client, pageSize: ACCOUNTS_PER_PAGE }, { accessToken }),
        (page) => {
          for (const account of required(page.accountList, "accountList", "ListAccounts", page)) {
            found.push(parseAccount(account, page));
          }
        },
      );
      return found;
    });
    let listed = 0;
    options.onProgress?.({ listed, accounts: accounts.length });
    const withRoles = await mapConcurrently(accounts, CONCURRENCY, async (account) => {
      const roles = await call({ ...context, operation: "ListAccountRoles" }, async (accessToken) => {
        const found: string[] = [];
        await readPages(
          "ListAccountRoles",
          paginateListAccountRoles({ client }, { accessToken, accountId: account.accountId }),
          (page) => {
            for (const role of required(page.roleList, "roleList", "ListAccountRoles", page)) {
              found.push(required(role.roleName, "roleName", "ListAccountRoles", page));
            }
          },
        );
        return found;
      });
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

/**
 * Runs one portal listing with the session's token (healed once if the portal rejects it), turning what it throws
 * into the CLI's error for `context`.
 */
async function call<T>(
  context: PortalCallContext & { readonly token: HealingAccessToken },
  run: (accessToken: string) => Promise<T>,
): Promise<T> {
  return context.token.run(run, (error) => toPortalCliError(error, context));
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
 * The profile's SSO access token: from the refreshing token provider for an sso-session profile, which also
 * refreshes it should the portal reject it before its expiry; read from the cache for a legacy profile (start URL
 * in the profile), whose tokens cannot be refreshed. Each token is told to `secrets` before it is used.
 */
async function accessTokenOf(
  profile: SsoProfile,
  logger: Logger | undefined,
  secrets: KnownSecrets | undefined,
  configFilepath: string | undefined,
): Promise<HealingAccessToken> {
  if (profile.kind === "sso-session") {
    const provider = fromSso({
      profile: profile.profileName,
      ...(configFilepath !== undefined && { configFilepath }),
      ...(logger ? { logger } : {}),
    });
    const known = async (properties?: Record<string, unknown>) => {
      const { token } = await provider(properties);
      secrets?.add(token);
      return token;
    };
    return new HealingAccessToken(await known(), (rejected) =>
      known({ forceRefresh: true, rejectedToken: rejected }),
    );
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
  secrets?.add(token.accessToken);
  return new HealingAccessToken(token.accessToken, undefined);
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
