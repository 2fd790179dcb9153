/**
 * The kinds of entries the role-credential cache holds, as the AWS CLI writes them: `sso`, an IAM Identity Center
 * role's credentials (`ProviderType: "sso"`); `assume-role`, an STS AssumeRole reply.
 */
export type RoleCredentialCacheEntry = "sso" | "assume-role";

/** Who an AssumeRole reply says the credentials belong to. */
export interface AssumedRoleUser {
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  readonly arn: string;
  /** `<role id>:<session>`. */
  readonly assumedRoleId: string;
}

/**
 * Temporary credentials of an IAM Identity Center role or an assumed role as the role-credential cache files hold
 * them (and the CLI prints them): always a session token and an expiry.
 */
export interface CachedRoleCredentials {
  /** AWS access key id. */
  readonly accessKeyId: string;
  /** AWS secret access key (a secret: never logged). */
  readonly secretAccessKey: string;
  /** AWS session token (a secret: never logged). */
  readonly sessionToken: string;
  /** When the credentials stop working. */
  readonly expiration: Date;
  /** The account the role belongs to, when known (`sso` entries). */
  readonly accountId?: string;
  /** The assumed role's user, when known (`assume-role` entries). */
  readonly assumedRoleUser?: AssumedRoleUser;
}
