import type { Logger } from "@smithy/types";
import {
  describeError,
  formatTimestamp,
  getHomeDir,
  processWide,
  readJsonFile,
  withFileLock,
  writeJsonFileAtomic,
} from "@sso-kit/token-provider/internal";
import { join } from "node:path";
import { parseRoleCredentialCacheFile } from "./parseRoleCredentialCacheFile.js";
import type { CachedRoleCredentials, RoleCredentialCacheEntry } from "./CachedRoleCredentials.js";

/** Options of {@link RoleCredentialCache}. */
export interface RoleCredentialCacheOptions {
  /** The cache directory [`~/.aws/cli/cache`, the AWS CLI's, resolved from the home directory at construction]. */
  readonly directory?: string;
  /** Told (at debug level) why a cache file was ignored, and warned once when the directory cannot be used. */
  readonly logger?: Logger;
  /** What the files read and written hold: `sso` role credentials or `assume-role` replies [`sso`]. */
  readonly entry?: RoleCredentialCacheEntry;
}

/** Options of {@link RoleCredentialCache.resolve}. */
export interface RoleCredentialCacheResolveOptions {
  /** Cached credentials are used only until this long before they expire. */
  readonly refreshWindowMs: number;
  /** `false`: never use the cached file, always fetch (and cache the result) [`true`]. */
  readonly reuse?: boolean;
}

/** Credentials from {@link RoleCredentialCache.resolve} and where they came from. */
export interface ResolvedCachedRoleCredentials {
  readonly credentials: CachedRoleCredentials;
  /** `cache`: read from the cache file; `sso`: fetched by this process (GetRoleCredentials or AssumeRole). */
  readonly source: "cache" | "sso";
}

/** Directories already warned about in this process: a process with 50 clients warns once, not 50 times. */
const warnedDirectories = processWide(
  "@sso-kit/credential-provider/role-credential-cache-warnings@1",
  () => new Set<string>(),
);

/**
 * Role credentials cached on disk between runs of `sso-kit credential-process` / `export`, in the AWS CLI's format
 * and place (`~/.aws/cli/cache/<key>.json`, see `roleCredentialCacheKey`), so both tools reuse each other's
 * credentials. Files are written atomically with mode 0600 (directory 0700); an unreadable or malformed file is
 * treated as absent and replaced on the next write. Used by the CLI and by `fromSSO` with
 * `roleCredentialCache: "shared"`, so that many processes make one GetRoleCredentials per role, and one AssumeRole
 * per chained role (an `assume-role` store: the CLI's files for assumed roles), between them.
 */
export class RoleCredentialCache {
  /** The directory holding the cache files. */
  readonly directory: string;
  private readonly logger: Logger | undefined;
  private readonly entry: RoleCredentialCacheEntry;

  constructor(options: RoleCredentialCacheOptions = {}) {
    this.directory = options.directory ?? join(getHomeDir(), ".aws", "cli", "cache");
    this.logger = options.logger;
    this.entry = options.entry ?? "sso";
  }

  /** The file for `key`. */
  path(key: string): string {
    return join(this.directory, `${key}.json`);
  }

  /** The credentials cached under `key`, or `undefined` when there is no usable file. */
  async read(key: string): Promise<CachedRoleCredentials | undefined> {
    const path = this.path(key);
    let value: unknown;
    try {
      value = await readJsonFile(path);
    } catch (error) {
      // No secrets known: the file holding them could not be read, and describeError never quotes JSON text.
      this.logger?.debug(`ignoring the role credential cache file ${path}: ${describeError(error, [])}`);
      return undefined;
    }
    if (value === undefined) return undefined;
    const parsed = parseRoleCredentialCacheFile(value, this.entry);
    if (!parsed.ok) {
      this.logger?.debug(`ignoring the role credential cache file ${path}: ${parsed.reason}`);
      return undefined;
    }
    return parsed.credentials;
  }

  /** The credentials cached under `key` while more than `refreshWindowMs` is left of them, else `undefined`. */
  async fresh(key: string, refreshWindowMs: number): Promise<CachedRoleCredentials | undefined> {
    const cached = await this.read(key);
    if (cached === undefined || cached.expiration.getTime() - refreshWindowMs <= Date.now()) return undefined;
    this.logger?.debug(`using cached role credentials from ${this.path(key)}`);
    return cached;
  }

  /** Caches `credentials` under `key`, replacing any previous file atomically. */
  async write(key: string, credentials: CachedRoleCredentials): Promise<void> {
    const common = {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: formatTimestamp(credentials.expiration),
    };
    const { assumedRoleUser: user } = credentials;
    const file =
      this.entry === "sso"
        ? {
            ProviderType: "sso",
            Credentials: {
              ...common,
              ...(credentials.accountId === undefined ? {} : { AccountId: credentials.accountId }),
            },
          }
        : {
            Credentials: common,
            ...(user === undefined
              ? {}
              : { AssumedRoleUser: { AssumedRoleId: user.assumedRoleId, Arn: user.arn } }),
          };
    await writeJsonFileAtomic(this.path(key), file, { mode: 0o600 });
  }

  /**
   * Credentials for `key`: the cached ones while they are fresh (more than `refreshWindowMs` left), else those of
   * `fetch()`, written to the cache. Fetching happens under the key's lock (`<file>.lock`) and after reading the
   * file again, so processes starting together make one call between them and the others read its result. When
   * the directory cannot be used (read-only, full, not a directory, a lock that stays held), the cache is skipped
   * with one warning per directory: the credentials are fetched and kept only in memory by the caller.
   */
  async resolve(
    key: string,
    fetch: () => Promise<CachedRoleCredentials>,
    options: RoleCredentialCacheResolveOptions,
  ): Promise<ResolvedCachedRoleCredentials> {
    const reuse = options.reuse ?? true;
    const freshFromFile = async (): Promise<CachedRoleCredentials | undefined> =>
      reuse ? this.fresh(key, options.refreshWindowMs) : undefined;
    const cached = await freshFromFile();
    if (cached !== undefined) return { credentials: cached, source: "cache" };
    let locked = false;
    try {
      return await withFileLock(
        `${this.path(key)}.lock`,
        async (): Promise<ResolvedCachedRoleCredentials> => {
          locked = true;
          const fetchedMeanwhile = await freshFromFile();
          if (fetchedMeanwhile !== undefined) return { credentials: fetchedMeanwhile, source: "cache" };
          const credentials = await fetch();
          try {
            await this.write(key, credentials);
            this.logger?.debug(`cached role credentials in ${this.path(key)}`);
          } catch (error) {
            // The credentials are good; only the next process will have to fetch them again.
            this.warnOnce(error, [credentials.secretAccessKey, credentials.sessionToken]);
          }
          return { credentials, source: "sso" };
        },
        this.logger ? { logger: this.logger } : {},
      );
    } catch (error) {
      if (locked) throw error;
      this.warnOnce(error, []);
      return { credentials: await fetch(), source: "sso" };
    }
  }

  private warnOnce(error: unknown, secrets: readonly string[]): void {
    if (warnedDirectories.has(this.directory)) return;
    warnedDirectories.add(this.directory);
    this.logger?.warn(
      `the role credential cache ${this.directory} cannot be used (${describeError(error, [...secrets])}); ` +
        "role credentials are kept in memory only, so other processes fetch their own.",
    );
  }
}
