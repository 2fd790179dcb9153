/** Role credentials GetRoleCredentials issued; STS verifies signatures against them. */
export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
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
