/** Options of `emu.seedClient`. */
export interface SeedClientOptions {
  /** Default: a fresh id. An existing id is replaced. */
  clientId?: string;
  /** Default: a fresh secret. */
  clientSecret?: string;
  /** When the registration expires. Default: now + `clientRegistrationTtlSeconds` (emulator clock). */
  expiresAt?: Date;
  /** Registered scopes. Default `["sso:account:access"]`. */
  scopes?: string[];
  /** Registered grant types. Default: device code, authorization code and refresh token. */
  grantTypes?: string[];
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
  accessToken?: string;
  /** Default: a fresh refresh token; `false`: none. */
  refreshToken?: string | false;
  /** When the access token expires. Default: now + `accessTokenTtlSeconds` (emulator clock). */
  expiresAt?: Date;
  /** The client the token belongs to; registered when unknown. Default: a new client. */
  clientId?: string;
  /** Secret of a client registered by this call. Default: a fresh secret. */
  clientSecret?: string;
  /** Expiry of a client registered by this call. Default: now + `clientRegistrationTtlSeconds`. */
  registrationExpiresAt?: Date;
}

/** A token made by `emu.seedToken`, with its client's registration. */
export interface SeededToken {
  accessToken: string;
  refreshToken?: string;
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
  refreshToken?: string;
};

/** Credentials GetRoleCredentials issued, without their secrets. */
export interface IssuedCredentialSummary {
  accessKeyId: string;
  accountId: string;
  roleName: string;
  expiration: Date;
}
