/**
 * Entries keyed by an unguessable id that each work once: `take` removes what it returns. Holds the consent pages'
 * per-request ids, the authorization codes and the device verification pages' ids.
 */
export class SingleUseStore<T> {
  readonly #entries = new Map<string, T>();

  /** Stores `entry` under `id`. */
  put(id: string, entry: T): void {
    this.#entries.set(id, entry);
  }

  /** Removes and returns the entry under `id`. */
  take(id: string): T | undefined {
    const entry = this.#entries.get(id);
    this.#entries.delete(id);
    return entry;
  }
}
