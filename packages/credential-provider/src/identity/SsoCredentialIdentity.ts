import type { AwsCredentialIdentity } from "@smithy/types";

/**
 * The SDK's credential feature ids for SSO (`@aws-sdk/types` `AwsSdkCredentialsFeatures`), reported in the
 * user agent: `CREDENTIALS_SSO` ("s") or `CREDENTIALS_SSO_LEGACY` ("u"), plus `CREDENTIALS_PROFILE_SSO` ("r") or
 * `CREDENTIALS_PROFILE_SSO_LEGACY` ("t") when read from a profile.
 */
export interface SsoCredentialFeatures {
  CREDENTIALS_SSO?: "s";
  CREDENTIALS_SSO_LEGACY?: "u";
  CREDENTIALS_PROFILE_SSO?: "r";
  CREDENTIALS_PROFILE_SSO_LEGACY?: "t";
  /** Flags other providers add (a chain wrapping this one may add its own). */
  [feature: string]: string | undefined;
}

/** What `fromSSO` resolves to: temporary credentials with their expiry, account and feature flags. */
export interface SsoCredentialIdentity extends AwsCredentialIdentity {
  readonly sessionToken: string;
  readonly expiration: Date;
  /** From `sso_account_id` / `ssoAccountId` (the official provider never sets it). */
  readonly accountId: string;
  /** The source attribution record the SDK's user-agent middleware reads. */
  $source: SsoCredentialFeatures;
}
