import { getHomeDir } from "../config/getHomeDir.js";
import type { Logger } from "@smithy/types";
import { readdir, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { expandHomePath } from "../config/expandHomePath.js";
import { signInCommand, signInInstruction, type SignInTarget } from "../errors/signInAdvice.js";
import type { FileLockHold, FileLockOptions } from "../lock/withFileLock.js";
import { CacheFileError } from "./CacheFileError.js";
import { cacheFileName } from "./cacheFileName.js";
import { readJsonFile } from "./readJsonFile.js";
import type { SsoClientRegistration } from "./SsoClientRegistration.js";
import { parseSsoTokenFile, type SsoTokenFile } from "./SsoTokenFile.js";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/** A sign-in lock not touched for this long is taken over: long enough to outlast a busy machine's pauses. */
const SIGN_IN_LOCK_STALE_MS = 30_000;

/** Options of {@link SsoTokenCache}. */
export interface SsoTokenCacheOptions {
  /** The cache directory [`~/.aws/sso/cache`, from the home directory at construction]. `~/` is expanded. */
  directory?: string | undefined;
  /** Receives debug lines (never secrets). */
  logger?: Logger | undefined;
  /** Tuning of the cross-process lock (see {@link withFileLock}). */
  lock?: Omit<FileLockOptions, "logger"> | undefined;
}

/** Who to tell the user to sign in as, when a cache file is unusable. */
export interface SsoTokenCacheReadContext {
  /** Profile named in the advice (`sso-kit login --profile <p>`). */
  profileName?: string | undefined;
  /**
   * What the key is ["sessionName"]: an sso-session name (advice without a profile names `--sso-session <key>`)
   * or, for a legacy profile, its start URL (advice names the profile's `sso_start_url` instead).
   */
  keyKind?: "sessionName" | "startUrl" | undefined;
}

/**
 * The one store for `~/.aws/sso/cache`: token files keyed by sso-session name (or start URL for legacy
 * profiles), client registrations, and the lock that serialises refreshes across processes.
 * Reads validate every file; writes are atomic (0600 files in 0700 directories) and keep unknown fields.
 * Writing and locking are loaded on first use: a process whose token is valid only reads.
 */
export class SsoTokenCache {
  /** The cache directory. */
  readonly directory: string;
  private readonly logger: Logger | undefined;
  private readonly lockOptions: FileLockOptions;

  constructor(options: SsoTokenCacheOptions = {}) {
    this.directory =
      options.directory === undefined
        ? join(getHomeDir(), ".aws", "sso", "cache")
        : expandHomePath(options.directory);
    this.logger = options.logger;
    this.lockOptions = { ...options.lock, logger: options.logger };
  }

  /** The token file of `key`: `<directory>/<sha1(key)>.json`. */
  tokenPath(key: string): string {
    return join(this.directory, cacheFileName(key));
  }

  /**
   * Reads and validates the token of `key`.
   *
   * @returns the token, or `undefined` when there is no file.
   * @throws TokenProviderError (`tryNextLink: false`) naming the file and the problem when it exists but is
   *   unusable; the file is left as it is.
   */
  async readToken(key: string, context: SsoTokenCacheReadContext = {}): Promise<SsoTokenFile | undefined> {
    const path = this.tokenPath(key);
    try {
      const json = await readJsonFile(path);
      return json === undefined ? undefined : parseSsoTokenFile(path, json);
    } catch (error) {
      const { profileName } = context;
      throw await this.unusable(
        error,
        "SSO token cache file",
        context.keyKind === "startUrl" ? { profileName, startUrl: key } : { profileName, sessionName: key },
      );
    }
  }

  /** Writes the token of `key` atomically (temp file 0600, fsync, rename; directory created 0700). */
  async writeToken(key: string, token: SsoTokenFile): Promise<void> {
    const { writeJsonFileAtomic } = await import("./writeJsonFileAtomic.js");
    await writeJsonFileAtomic(this.tokenPath(key), token, { mode: 0o600 });
  }

  /**
   * Removes the token file of `key`; no error when there is none. It does not take the lock: call it inside
   * {@link withLock}, or use {@link deleteTokenFile}.
   */
  async deleteToken(key: string): Promise<void> {
    await unlinkIfPresent(this.tokenPath(key));
  }

  /**
   * Runs `fn` holding the exclusive cross-process lock of `key` (the file `<tokenPath>.lock`). Holders that died
   * are taken over within a bounded wait; waiting never blocks the event loop. When the directory cannot be
   * written (read-only, full, not writable), `fn` runs without the lock and is told why ({@link FileLockHold}).
   */
  async withLock<T>(key: string, fn: (hold: FileLockHold) => Promise<T>): Promise<T> {
    return this.withTokenFileLock(this.tokenPath(key), fn);
  }

  /**
   * Runs `fn` holding the sign-in lock of `key` (the file `<tokenPath>.signin.lock`): one sign-in per session on
   * the machine at a time. It is not the lock of {@link withLock}, so refreshes and reads go on while a person
   * approves a sign-in for minutes. Its holder keeps it fresh; one whose process died is taken over at once, one
   * silent for 30 s (a frozen process, or one on another host) after that. `options` tune the wait: a sign-in
   * waits as long as its own timeout, telling the user who holds the lock (`onWait`).
   */
  async withSignInLock<T>(
    key: string,
    fn: (hold: FileLockHold) => Promise<T>,
    options: Pick<FileLockOptions, "acquireTimeoutMs" | "onWait" | "signal"> = {},
  ): Promise<T> {
    const { withFileLock } = await import("../lock/withFileLock.js");
    return withFileLock(`${this.tokenPath(key)}.signin.lock`, fn, {
      staleMs: SIGN_IN_LOCK_STALE_MS,
      ...options,
      logger: this.logger,
    });
  }

  /**
   * Removes a token file of this directory, by path (as {@link listTokenFiles} gives it, when the key behind the
   * hashed name is unknown), holding the same lock as {@link withLock} of its key: a refresh in progress in any
   * process finishes first, and then finds the token gone. No error when the file is already gone.
   *
   * @throws TokenProviderError (`tryNextLink: false`) when `path` is not directly in {@link directory}: no key
   *   has that file, nor its lock.
   */
  async deleteTokenFile(path: string): Promise<void> {
    if (dirname(resolve(path)) !== resolve(this.directory)) {
      throw await tokenProviderError(`${path} is not a file of the SSO token cache ${this.directory}.`, {
        tryNextLink: false,
        logger: this.logger,
      });
    }
    await this.withTokenFileLock(path, () => unlinkIfPresent(path));
  }

  /**
   * Every valid token file of the directory (files holding an `accessToken`), e.g. for a logout. Files that are
   * not tokens (registrations) or are unusable are skipped, the latter with a debug line.
   */
  async listTokenFiles(): Promise<Array<{ path: string; token: SsoTokenFile }>> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const found: Array<{ path: string; token: SsoTokenFile }> = [];
    for (const name of names.filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort()) {
      const path = join(this.directory, name);
      try {
        const json = await readJsonFile(path);
        if (json !== undefined && "accessToken" in json) {
          found.push({ path, token: parseSsoTokenFile(path, json) });
        }
      } catch (error) {
        this.logger?.debug?.(`@sso-kit/token-provider - skipping ${path}: ${(error as Error).message}`);
      }
    }
    return found;
  }

  /** The registration file of `cacheKey` (see `clientRegistrationCacheKey`). */
  registrationPath(cacheKey: string): string {
    return join(this.directory, cacheFileName(cacheKey));
  }

  /**
   * Reads and validates a cached client registration.
   *
   * @returns the registration, or `undefined` when there is no file.
   * @throws TokenProviderError (`tryNextLink: false`) when the file exists but is unusable.
   */
  async readRegistration(cacheKey: string): Promise<SsoClientRegistration | undefined> {
    const path = this.registrationPath(cacheKey);
    try {
      const json = await readJsonFile(path);
      if (json === undefined) return undefined;
      const { parseSsoClientRegistration } = await import("./SsoClientRegistration.js");
      return parseSsoClientRegistration(path, json);
    } catch (error) {
      throw await this.unusable(error, "client registration cache file");
    }
  }

  /** Writes a client registration atomically, like {@link writeToken}. */
  async writeRegistration(cacheKey: string, registration: SsoClientRegistration): Promise<void> {
    const { writeJsonFileAtomic } = await import("./writeJsonFileAtomic.js");
    await writeJsonFileAtomic(this.registrationPath(cacheKey), registration, { mode: 0o600 });
  }

  /** The one lock of a token file: `<path>.lock`. */
  private async withTokenFileLock<T>(path: string, fn: (hold: FileLockHold) => Promise<T>): Promise<T> {
    const { withFileLock } = await import("../lock/withFileLock.js");
    return withFileLock(`${path}.lock`, fn, this.lockOptions);
  }

  private async unusable(error: unknown, what: string, target?: SignInTarget): Promise<Error> {
    if (!(error instanceof CacheFileError)) {
      return error as Error;
    }
    return tokenProviderError(
      `The ${what} ${error.path} is not usable: ${error.problem}. It was left as it is: sign in again with ${signInInstruction(target)}, which replaces it, or delete it.`,
      {
        tryNextLink: false,
        logger: this.logger,
        cause: error,
        signInCommand: signInCommand(target),
        reason: "SessionEnded",
      },
    );
  }
}

const unlinkIfPresent = (path: string): Promise<void> =>
  unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
