/** One AWS account of the emulator's directory and the permission sets (roles) the signed-in user has in it. */
export interface AccountDefinition {
  /** Twelve-digit account id, e.g. `"111111111111"`. */
  accountId: string;
  /** Display name returned by ListAccounts. */
  accountName: string;
  /** Root e-mail address returned by ListAccounts. */
  emailAddress: string;
  /** Role (permission set) names the user may assume in this account, in ListAccountRoles order. */
  roles: string[];
}

/** Options of {@link startEmulator}; every one is optional. */
export interface EmulatorOptions {
  /** TCP port to listen on; `0` (default) picks a free one. The emulator always binds 127.0.0.1. */
  port?: number | undefined;
  /** Region used in ARNs and advertised by the bin's sample config. Default `us-east-1`. */
  region?: string | undefined;
  /** The IAM Identity Center start URL the emulator advertises. Default `https://d-0000000000.awsapps.com/start`. */
  startUrl?: string | undefined;
  /** The directory: accounts and their roles. Default: three accounts (see README), or none with `generateAccounts`. */
  accounts?: AccountDefinition[] | undefined;
  /**
   * Adds this many generated accounts (0-9999) to the directory, after `accounts`: account `n` (from 1) is
   * `100000000000 + n`, named `Account 0001` (`account-0001@example.com`), with `AdministratorAccess` and
   * `ReadOnly`. Without `accounts` the directory holds only these. Default 0.
   */
  generateAccounts?: number | undefined;
  /** `expiresIn` of the access tokens CreateToken issues, in seconds. Default 3600. */
  accessTokenTtlSeconds?: number | undefined;
  /** Lifetime of the role credentials GetRoleCredentials issues, in seconds. Default 3600. */
  roleCredentialsTtlSeconds?: number | undefined;
  /** Lifetime of a client registration (`clientSecretExpiresAt - clientIdIssuedAt`), in seconds. Default 90 days. */
  clientRegistrationTtlSeconds?: number | undefined;
  /** `expiresIn` of device codes, pending authorize requests and authorization codes, in seconds. Default 600. */
  deviceCodeTtlSeconds?: number | undefined;
  /** Polling `interval` of device codes in seconds; polling faster gives SlowDownException. Default 1. */
  deviceCodeIntervalSeconds?: number | undefined;
  /** Each refresh returns a new refresh token and retires the old one. Default `true`. */
  rotateRefreshTokens?: boolean | undefined;
  /** Approve device codes at once and make `/authorize` redirect with a code without a consent page. Default `false`. */
  autoApprove?: boolean | undefined;
  /** Page size of ListAccounts / ListAccountRoles when the request has no `maxResults`. Default 2. */
  pageSize?: number | undefined;
  /** User name of the signed-in user: the role session name in STS ARNs. Default `emulator-user`. */
  userName?: string | undefined;
  /** Largest request body accepted, in bytes. Default 65536. */
  maxBodyBytes?: number | undefined;
  /** How long a request body may take to arrive, in milliseconds. Default 10000. */
  bodyTimeoutMs?: number | undefined;
  /**
   * Throttles the portal operations (GetRoleCredentials, ListAccounts, ListAccountRoles, Logout) with one token
   * bucket on the emulator clock, answering `TooManyRequestsException` (429) as the portal does. Default
   * `{ requestsPerSecond: 20, burst: 100 }`: AWS's documented 20 a second, with room for short bursts; `false`
   * turns throttling off (for suites that hammer the portal on purpose).
   */
  portalRateLimit?: PortalRateLimit | false | undefined;
  /**
   * Who may call STS AssumeRole on which role: role ARN -> the principals its trust policy names (role ARNs, whose
   * every session may assume it; `arn:aws:iam::<account>:root` or a bare account id for every role of an account;
   * `"*"` for anyone). When given, only these roles can be assumed, only by these principals. Default: every
   * role of the directory may assume every role of the directory.
   */
  trust?: Record<string, string[]> | undefined;
  /** Conditions of assuming particular roles (role ARN -> conditions), like trust policy conditions in IAM. */
  roleConditions?: Record<string, RoleConditions> | undefined;
}

/** A token bucket: `burst` requests at once, refilled at `requestsPerSecond`. */
export interface PortalRateLimit {
  /** Sustained rate, requests per second (may be fractional); `0` turns throttling off. */
  requestsPerSecond: number;
  /** Requests the bucket holds when full. Default: `requestsPerSecond` rounded up (at least 1). */
  burst?: number | undefined;
}

/** What STS AssumeRole requires of a caller of one role. */
export interface RoleConditions {
  /** The `ExternalId` the caller must pass (`sts:ExternalId`); any other or none is AccessDenied. */
  externalId?: string | undefined;
  /**
   * The role requires MFA (`aws:MultiFactorAuthPresent`): the caller must pass `SerialNumber` (any MFA serial or
   * device ARN) and this `TokenCode` (six digits).
   */
  mfaTokenCode?: string | undefined;
}
