/** Options of `emu.seedClient`. */
export interface SeedClientOptions {
  /** Default: a fresh id. An existing id is replaced. */
  clientId?: string | undefined;
  /** Default: a fresh secret. */
  clientSecret?: string | undefined;
  /** When the registration expires. Default: now + `clientRegistrationTtlSeconds` (emulator clock). */
  expiresAt?: Date | undefined;
  /** Registered scopes. Default `["sso:account:access"]`. */
  scopes?: string[] | undefined;
  /** Registered grant types. Default: device code, authorization code and refresh token. */
  grantTypes?: string[] | undefined;
}

/** A client registration made by `emu.seedClient`, with the fields RegisterClient returns. */
export interface SeededClient {
  clientId: string;
  clientSecret: string;
  /** Epoch seconds. */
  clientIdIssuedAt: number;
  /** Epoch seconds. */
  clientSecretExpiresAt: number;
}

/** Options of `emu.seedToken`. */
export interface SeedTokenOptions {
  /** Default: a fresh token. */
  accessToken?: string | undefined;
  /** Default: a fresh refresh token; `false`: none. */
  refreshToken?: string | false | undefined;
  /** When the access token expires. Default: now + `accessTokenTtlSeconds` (emulator clock). */
  expiresAt?: Date | undefined;
  /** The client the token belongs to; registered when unknown. Default: a new client. */
  clientId?: string | undefined;
  /** Secret of a client registered by this call. Default: a fresh secret. */
  clientSecret?: string | undefined;
  /** Expiry of a client registered by this call. Default: now + `clientRegistrationTtlSeconds`. */
  registrationExpiresAt?: Date | undefined;
}

/** A token made by `emu.seedToken`, with its client's registration. */
export interface SeededToken {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresAt: Date;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: Date;
}

/**
 * The JSON object the AWS CLI writes to `~/.aws/sso/cache/<sha1>.json` for a token. A type alias (not an
 * interface) so that it is assignable to record types with an index signature.
 */
export type CachedTokenFile = {
  startUrl: string;
  region: string;
  accessToken: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  expiresAt: string;
  clientId: string;
  clientSecret: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  registrationExpiresAt: string;
  refreshToken?: string | undefined;
};

/** Credentials GetRoleCredentials issued, without their secrets. */
export interface IssuedCredentialSummary {
  accessKeyId: string;
  accountId: string;
  roleName: string;
  expiration: Date;
}
