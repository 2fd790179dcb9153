/** A validated `/authorize` request waiting for the user's Allow or Deny (or a code already granted). */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  expiresAtMs: number;
}

/**
 * Single-use entries keyed by an unguessable id: the consent page's per-request id and the authorization codes.
 * `take` removes the entry, so every id works once.
 */
export class AuthorizationRequestStore {
  readonly #entries = new Map<string, AuthorizationRequest>();

  /** Stores `request` under `id`. */
  put(id: string, request: AuthorizationRequest): void {
    this.#entries.set(id, request);
  }

  /** The entry under `id` without consuming it. */
  peek(id: string): AuthorizationRequest | undefined {
    return this.#entries.get(id);
  }

  /** Removes and returns the entry under `id`. */
  take(id: string): AuthorizationRequest | undefined {
    const entry = this.#entries.get(id);
    this.#entries.delete(id);
    return entry;
  }
}
