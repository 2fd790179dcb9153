/** Temporary credentials from GetRoleCredentials, validated. Shared between providers; never logged. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Expiry, epoch milliseconds (the wire unit). */
  readonly expiration: number;
  /** The credential scope, when the portal returns one. */
  readonly credentialScope?: string;
}
