/**
 * One `AssumeRole` of a role chain: a profile with `role_arn` and `source_profile`, whose credentials are assumed
 * with those of its source profile. Read from the shared config files; never holds a secret.
 */
export interface RoleHop {
  /** The profile that sets `role_arn` (for messages and the MFA prompt). */
  readonly profileName: string;
  /** `role_arn`: the role to assume. */
  readonly roleArn: string;
  /** The account of `roleArn`: the account of the credentials this hop yields. */
  readonly accountId: string;
  /** `role_session_name`; unset: `aws-sdk-js-<epoch ms>` at each AssumeRole, as the SDK's `fromIni` does. */
  readonly roleSessionName: string | undefined;
  /** `external_id`. */
  readonly externalId: string | undefined;
  /** `duration_seconds`; unset: 3600. */
  readonly durationSeconds: number | undefined;
  /** `mfa_serial`: the MFA device whose code `mfaCodeProvider` is asked for. */
  readonly mfaSerial: string | undefined;
  /** `region` of the profile: where STS is called; unset: the SSO region of the chain's base. */
  readonly region: string | undefined;
  /** `sts_regional_endpoints = legacy` (or `AWS_STS_REGIONAL_ENDPOINTS`): the global STS endpoint. */
  readonly useGlobalEndpoint: boolean;
}
