import type { SSOClientConfig } from "@aws-sdk/client-sso";
import type { LoginOptions } from "@sso-kit/login";
import type { Logger, Provider } from "@smithy/types";
import type { SsoPortalClient } from "./portal/SsoPortalClient.js";

/**
 * The settings of another SDK client that `fromSSO` hands down to the SSO and SSO-OIDC clients it creates:
 * `logger`, `requestHandler` and `userAgentAppId` (never `region`: the portal is always called in `sso_region`).
 * `profile` selects the profile when `init.profile` is not given.
 */
export interface InheritedClientConfig {
  /** Region of the outer client; ignored (the SSO clients use the session's or profile's `sso_region`). */
  region?: string | Provider<string> | undefined;
  /** Profile of the outer client; used when `init.profile` is not given. */
  profile?: string | undefined;
  /** Logger given to the SSO and SSO-OIDC clients. */
  logger?: Logger | undefined;
  /** HTTP handler given to the SSO and SSO-OIDC clients (proxies, agents, timeouts). */
  requestHandler?: SSOClientConfig["requestHandler"] | undefined;
  /** Application id appended to the SSO and SSO-OIDC clients' user agent. */
  userAgentAppId?: string | Provider<string | undefined> | undefined;
  /** Any other setting of the outer client; not used. */
  [key: string]: unknown;
}

/**
 * Where `fromSSO` keeps role credentials: `"memory"`, in the process only (what the official provider does), or
 * `"shared"`, also in the AWS CLI's `~/.aws/cli/cache`, so that every process on the machine (test workers, task
 * runners, the AWS CLI, `sso-kit credential-process`) reuses them and one GetRoleCredentials per role serves all.
 */
export type RoleCredentialCacheMode = "memory" | "shared";

/**
 * How `fromSSO` signs in on demand (its `login` option): the options of `login` of `@sso-kit/login` that say how
 * the user is asked. What is signed in to comes from the provider's profile or options.
 */
export type FromSSOLoginOptions = Pick<
  LoginOptions,
  "flow" | "scopes" | "prompt" | "openBrowser" | "onWait" | "signal" | "timeoutMs"
>;

/**
 * Options of {@link fromSSO}: the same as the official `fromSSO` of `@aws-sdk/credential-provider-sso` /
 * `@aws-sdk/credential-providers`, so switching the import changes nothing else in a program.
 *
 * Without any `sso*` option, the profile is read from the shared config files. With `sso*` options no config file
 * is needed: `ssoStartUrl` + `ssoRegion` + `ssoAccountId` + `ssoRoleName` for a legacy sign-in, or `ssoSession`
 * + `ssoAccountId` + `ssoRoleName` (+ `ssoStartUrl` and `ssoRegion` when the `[sso-session]` section is not in
 * the config file) for a refreshable sso-session.
 */
export interface FromSSOInit {
  /**
   * The profile to read. Default: `parentClientConfig.profile`, then the calling client's `profile`, then
   * `AWS_PROFILE`, then `default`.
   */
  profile?: string | undefined;
  /** Path of the shared credentials file. Default: `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`. */
  filepath?: string | undefined;
  /** Path of the shared config file (`~/` is expanded). Default: `AWS_CONFIG_FILE` or `~/.aws/config`. */
  configFilepath?: string | undefined;
  /**
   * Re-read the config files and fetch new role credentials on every call instead of reusing those this
   * process already holds (the fresh ones then replace the shared ones).
   */
  ignoreCache?: boolean | undefined;
  /** The start URL of the AWS access portal (legacy sign-in, or the session's when it is not in a config file). */
  ssoStartUrl?: string | undefined;
  /** The account whose role credentials are requested. */
  ssoAccountId?: string | undefined;
  /** The region of IAM Identity Center (legacy sign-in, or the session's when it is not in a config file). */
  ssoRegion?: string | undefined;
  /** The role (permission set) name whose credentials are requested. */
  ssoRoleName?: string | undefined;
  /**
   * The `[sso-session <name>]` to use: its token is refreshed through SSO-OIDC and cached as `sha1(<name>).json`.
   * Read from the config file unless `ssoStartUrl` and `ssoRegion` are also given.
   */
  ssoSession?: string | undefined;
  /**
   * An SSO client (`SSOClient` of `@aws-sdk/client-sso`) to call GetRoleCredentials with, used as is: its region,
   * endpoint and settings are not changed.
   */
  ssoClient?: SsoPortalClient | undefined;
  /**
   * Settings for the SSO and SSO-OIDC clients `fromSSO` creates. They win over `parentClientConfig` and the
   * calling client's settings; `region` is ignored (always the `sso_region`). Without a `requestHandler` from any
   * of them, each attempt is bounded (5 s to connect, 15 s in all, replies up to 1 MiB); plain options
   * `{ connectionTimeout, requestTimeout, deadlineMs, maxReplyBytes, ... }` change those bounds, and a handler
   * instance is used (and bounded) as it is (see `boundedRequestHandler` of `@sso-kit/token-provider`).
   */
  clientConfig?: SSOClientConfig | undefined;
  /**
   * Settings of the client that created this provider (set by SDK credential chains). Its `logger`,
   * `requestHandler` and `userAgentAppId` reach the SSO and SSO-OIDC clients unless `clientConfig` sets them.
   */
  parentClientConfig?: InheritedClientConfig | undefined;
  /**
   * Settings of the calling client, used when the call itself does not carry them (SDK clients pass theirs on
   * every call as `{ callerClientConfig }`). Lowest precedence.
   */
  callerClientConfig?: InheritedClientConfig | undefined;
  /**
   * Asked for the current code of the MFA device `mfa_serial` when a role of the profile's chain requires one
   * (profiles with `role_arn`, `source_profile` and `mfa_serial`), as the SDK's `fromIni` asks. Without it such a
   * profile fails with an `InvalidConfig` error.
   */
  mfaCodeProvider?: ((mfaSerial: string) => Promise<string>) | undefined;
  /** Receives debug messages about credential resolution (never credentials or tokens). */
  logger?: Logger | undefined;
  /**
   * sso-kit only. `"shared"`: share role credentials with the other processes of the machine through the AWS
   * CLI's cache files (`~/.aws/cli/cache/<key>.json`, 0600 in a 0700 directory): a process that finds fresh
   * credentials there (more than 5 minutes left) makes no GetRoleCredentials call, and processes starting
   * together make one between them. The cost: role credentials are written to disk, as the AWS CLI does. A
   * read-only or full disk falls back to memory with one warning. Default: `SSO_KIT_ROLE_CREDENTIAL_CACHE`
   * (`shared` or `memory`), else `"memory"`.
   */
  roleCredentialCache?: RoleCredentialCacheMode | undefined;
  /**
   * sso-kit only. Sign in on demand when the SSO session has ended (no token, a token that can no longer be
   * refreshed, or one the portal refuses), then try once more, instead of failing. `true`: with PKCE in a browser
   * where one can open, else with a device code shown on standard error; an object: how to ask the user (see
   * `login` of `@sso-kit/login`, loaded only then). There is one sign-in per session on the machine: processes
   * that find one under way wait for it (up to its `timeoutMs`, 10 minutes by default) and use its token. Meant for
   * programs a person watches (a CLI, a dev server); default `false`: nothing opens a browser or waits for a
   * person, and an ended session fails at once with `reason` `Token` or `Unauthorized`.
   */
  login?: boolean | FromSSOLoginOptions | undefined;
}
