import type { RequestLogEntry } from "./admin/RequestLogEntry.js";
import type { EmulatorClock } from "./clock/EmulatorClock.js";
import type { ExpireAccessTokensOptions } from "./controls/expireAccessTokens.js";
import type { AccountDefinition } from "./EmulatorOptions.js";
import type { FaultInjector } from "./faults/FaultInjector.js";
import type { OperationName } from "./OperationName.js";
import type {
  CachedTokenFile,
  IssuedCredentialSummary,
  SeedClientOptions,
  SeededClient,
  SeededToken,
  SeedTokenOptions,
} from "./seeding/SeedTypes.js";

/** The environment variables that point the AWS SDKs at the emulator. */
export interface EmulatorEnv {
  AWS_ENDPOINT_URL_SSO: string;
  AWS_ENDPOINT_URL_SSO_OIDC: string;
  AWS_ENDPOINT_URL_STS: string;
}

/** A running emulator of the SSO portal, SSO-OIDC and STS, listening on 127.0.0.1. */
export interface Emulator {
  /** `http://127.0.0.1:PORT`, without a trailing slash: the endpoint of all three services. */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  readonly startUrl: string;
  readonly accounts: readonly AccountDefinition[];
  /** `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL_SSO_OIDC` and `AWS_ENDPOINT_URL_STS`, all `url`. */
  readonly env: EmulatorEnv;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
  /** Requests received per operation (every operation present). */
  stats(): Record<OperationName, number>;
  /** The redacted request log, oldest first. */
  requestLog(): RequestLogEntry[];
  /** Clears the counters, the request log and the fault rules and refills the portal rate limit (not tokens or clients). */
  reset(): void;
  /** The emulator's clock; move it to make what it issued expire. */
  readonly clock: EmulatorClock;
  /** Fault injection rules. */
  readonly faults: FaultInjector;
  /** Registers a client as if RegisterClient had been called. */
  seedClient(options?: SeedClientOptions): SeededClient;
  /** Makes an access token (and by default a refresh token) the emulator accepts as its own. */
  seedToken(options?: SeedTokenOptions): SeededToken;
  /** The `~/.aws/sso/cache` JSON the AWS CLI would write for a seeded token. */
  cachedToken(seeded: SeededToken, options?: { startUrl?: string; region?: string }): CachedTokenFile;
  /** Revokes an access token and its refresh token, as Logout does. */
  revokeToken(accessToken: string): void;
  /**
   * Revokes an access token on the server side only: the portal answers UnauthorizedException for it while its
   * refresh token still works with CreateToken. Returns whether the emulator knew the token.
   */
  revokeAccessToken(accessToken: string): boolean;
  /**
   * Makes live access tokens (all, or `accessToken`) expire `inSeconds` from now (default at once) on the server
   * side, without the client's cache knowing; refresh tokens keep working. Returns how many were shortened.
   */
  expireAccessTokens(options?: ExpireAccessTokensOptions): number;
  /** Role credentials issued so far (by GetRoleCredentials and AssumeRole), without secrets. */
  issuedCredentials(): IssuedCredentialSummary[];
}
