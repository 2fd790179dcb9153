/**
 * Temporary credentials of an IAM Identity Center role as the role-credential cache files hold them (and the CLI
 * prints them): always a session token and an expiry.
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
  /** The account the role belongs to, when known. */
  readonly accountId?: string;
}
