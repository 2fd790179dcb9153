/** An access token the emulator issued. */
export interface IssuedAccessToken {
  accessToken: string;
  clientId: string;
  scopes: string[];
  expiresAtMs: number;
  /** The refresh token issued with it (the whole family is revoked by Logout). */
  refreshToken?: string;
  revoked: boolean;
}

/** A refresh token the emulator issued. */
export interface IssuedRefreshToken {
  refreshToken: string;
  clientId: string;
  scopes: string[];
  /** Issued by CreateTokenWithIAM (only that operation redeems it) rather than by CreateToken. */
  viaIam: boolean;
  /** Retired by rotation, use or revocation: redeeming it again is an invalid grant. */
  retired: boolean;
}

/** Access and refresh tokens by value. */
export class TokenStore {
  readonly #access = new Map<string, IssuedAccessToken>();
  readonly #refresh = new Map<string, IssuedRefreshToken>();

  /** Records an issued access token. */
  addAccess(token: IssuedAccessToken): void {
    this.#access.set(token.accessToken, token);
  }

  /** Records an issued refresh token. */
  addRefresh(token: IssuedRefreshToken): void {
    this.#refresh.set(token.refreshToken, token);
  }

  /** The access token record for `accessToken`, if the emulator issued it. */
  access(accessToken: string): IssuedAccessToken | undefined {
    return this.#access.get(accessToken);
  }

  /** The refresh token record for `refreshToken`, if the emulator issued it. */
  refresh(refreshToken: string): IssuedRefreshToken | undefined {
    return this.#refresh.get(refreshToken);
  }

  /** Every access token the emulator issued or was seeded with. */
  allAccess(): IterableIterator<IssuedAccessToken> {
    return this.#access.values();
  }

  /** Revokes an access token and the refresh token issued with it. Returns false for an unknown token. */
  revoke(accessToken: string): boolean {
    const token = this.#access.get(accessToken);
    if (token === undefined) return false;
    token.revoked = true;
    if (token.refreshToken !== undefined) {
      const refresh = this.#refresh.get(token.refreshToken);
      if (refresh !== undefined) refresh.retired = true;
    }
    return true;
  }
}
