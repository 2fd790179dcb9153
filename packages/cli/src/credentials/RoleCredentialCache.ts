import type { Logger } from "@smithy/types";
import {
  describeError,
  formatTimestamp,
  getHomeDir,
  readJsonFile,
  writeJsonFileAtomic,
} from "@sso-kit/token-provider/internal";
import { join } from "node:path";
import { parseRoleCredentialCacheFile } from "./parseRoleCredentialCacheFile.js";
import type { RoleCredentials } from "./RoleCredentials.js";

/** Options of {@link RoleCredentialCache}. */
export interface RoleCredentialCacheOptions {
  /** The cache directory [`~/.aws/cli/cache`, the AWS CLI's, resolved from the home directory at construction]. */
  readonly directory?: string;
  /** Told (at debug level) why a cache file was ignored. */
  readonly logger?: Logger;
}

/**
 * Role credentials cached on disk between runs of `sso-kit credential-process` / `export`, in the AWS CLI's format
 * and place (`~/.aws/cli/cache/<key>.json`, see `roleCredentialCacheKey`), so both tools reuse each other's
 * credentials. Files are written atomically with mode 0600 (directory 0700); an unreadable or malformed file is
 * treated as absent and replaced on the next write.
 */
export class RoleCredentialCache {
  /** The directory holding the cache files. */
  readonly directory: string;
  private readonly logger: Logger | undefined;

  constructor(options: RoleCredentialCacheOptions = {}) {
    this.directory = options.directory ?? join(getHomeDir(), ".aws", "cli", "cache");
    this.logger = options.logger;
  }

  /** The file for `key`. */
  path(key: string): string {
    return join(this.directory, `${key}.json`);
  }

  /** The credentials cached under `key`, or `undefined` when there is no usable file. */
  async read(key: string): Promise<RoleCredentials | undefined> {
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
    const parsed = parseRoleCredentialCacheFile(value);
    if (!parsed.ok) {
      this.logger?.debug(`ignoring the role credential cache file ${path}: ${parsed.reason}`);
      return undefined;
    }
    return parsed.credentials;
  }

  /** Caches `credentials` under `key`, replacing any previous file atomically. */
  async write(key: string, credentials: RoleCredentials): Promise<void> {
    await writeJsonFileAtomic(
      this.path(key),
      {
        ProviderType: "sso",
        Credentials: {
          AccessKeyId: credentials.accessKeyId,
          SecretAccessKey: credentials.secretAccessKey,
          SessionToken: credentials.sessionToken,
          Expiration: formatTimestamp(credentials.expiration),
          ...(credentials.accountId === undefined ? {} : { AccountId: credentials.accountId }),
        },
      },
      { mode: 0o600 },
    );
  }
}
