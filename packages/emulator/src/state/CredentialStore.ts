/** Role session credentials GetRoleCredentials or AssumeRole issued; STS verifies signatures against them. */
export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  /** The ARN of the role (with its path, when it has one). */
  roleArn: string;
  /** The role session name: the signed-in user's name, or AssumeRole's `RoleSessionName`. */
  userName: string;
  expirationMs: number;
}

/** Issued role credentials by access key id. */
export class CredentialStore {
  readonly #byKey = new Map<string, IssuedCredential>();

  /** Records issued credentials. */
  add(credential: IssuedCredential): void {
    this.#byKey.set(credential.accessKeyId, credential);
  }

  /** The credentials of an access key id. */
  get(accessKeyId: string): IssuedCredential | undefined {
    return this.#byKey.get(accessKeyId);
  }

  /** Every issued credential, oldest first. */
  all(): IssuedCredential[] {
    return [...this.#byKey.values()];
  }
}
