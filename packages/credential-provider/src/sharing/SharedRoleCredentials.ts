import { processWide } from "@sso-kit/token-provider/internal/core";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { REFRESH_WINDOW_MS } from "./REFRESH_WINDOW_MS.js";

interface Entry {
  /** The last credentials fetched for the key. */
  credentials: RoleCredentials | undefined;
  /** The GetRoleCredentials call under way for the key, awaited by every provider that needs it meanwhile. */
  inflight: Promise<RoleCredentials> | undefined;
}

/** Whether credentials can still be handed out at `now` without a refresh. */
export const isFresh = (credentials: RoleCredentials, now: number): boolean =>
  credentials.expiration - REFRESH_WINDOW_MS > now;

/**
 * Role credentials shared by every provider of the process that resolves the same key (see `sharingKey`): one
 * credential cache and one in-flight GetRoleCredentials per key. Bounded: expired entries are dropped whenever a
 * fetch starts, and beyond `maxEntries` the least recently used idle entries go.
 */
export class SharedRoleCredentials {
  private readonly entries = new Map<string, Entry>();

  /** @param maxEntries most keys held at once (in-flight fetches are never dropped). */
  constructor(private readonly maxEntries: number) {}

  /** Number of keys held; for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Fresh credentials for `key`: held ones while fresh, else the in-flight fetch, else a new `fetch()` that others
   * then share. With `reuse: false` (ignoreCache, forceRefresh) a new fetch always starts and its result replaces
   * the held credentials.
   */
  resolve(key: string, fetch: () => Promise<RoleCredentials>, reuse: boolean): Promise<RoleCredentials> {
    const entry = this.entries.get(key);
    if (reuse && entry !== undefined) {
      if (entry.credentials !== undefined && isFresh(entry.credentials, Date.now())) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        return Promise.resolve(entry.credentials);
      }
      if (entry.inflight !== undefined) {
        return entry.inflight;
      }
    }
    return this.start(key, entry ?? { credentials: undefined, inflight: undefined }, fetch);
  }

  /** Forgets the credentials held for `key` (the portal rejected its token); an in-flight fetch is kept. */
  invalidate(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    entry.credentials = undefined;
    if (entry.inflight === undefined) this.entries.delete(key);
  }

  private start(key: string, entry: Entry, fetch: () => Promise<RoleCredentials>): Promise<RoleCredentials> {
    const inflight: Promise<RoleCredentials> = fetch().then(
      (credentials) => {
        if (entry.inflight === inflight) entry.inflight = undefined;
        entry.credentials = credentials;
        return credentials;
      },
      (error: unknown) => {
        if (entry.inflight === inflight) entry.inflight = undefined;
        if (
          entry.inflight === undefined &&
          entry.credentials === undefined &&
          this.entries.get(key) === entry
        ) {
          this.entries.delete(key);
        }
        throw error;
      },
    );
    entry.inflight = inflight;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
    return inflight;
  }

  private evict(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (
        entry.inflight === undefined &&
        (entry.credentials === undefined || entry.credentials.expiration <= now)
      ) {
        this.entries.delete(key);
      }
    }
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      if (entry.inflight === undefined) this.entries.delete(key);
    }
  }
}

/**
 * The process-wide instance every `fromSSO` provider uses, whichever copy of this package made it (the ESM and
 * CommonJS builds loaded together share it). Its key's version changes with the shape of this class.
 */
export const sharedRoleCredentials = processWide(
  "@sso-kit/credential-provider/role-credentials@1",
  () => new SharedRoleCredentials(256),
);
