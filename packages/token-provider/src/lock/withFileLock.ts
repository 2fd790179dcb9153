import type { Logger } from "@smithy/types";
import { nodeCrypto } from "../crypto/nodeCrypto.js";
import { constants } from "node:fs";
import { link, lstat, mkdir, open, unlink, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { temporaryPathFor } from "../cache/temporaryPathFor.js";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /**
   * A lock whose holder has not touched it for this long is abandoned and taken over [10 s]. Holders touch it
   * every third of this. A holder on this host that no longer runs is taken over at once, whatever its age.
   */
  staleMs?: number;
  /** Give up waiting for a live holder after this long [30 s]. */
  acquireTimeoutMs?: number;
  /** Receives a debug line on take-overs and a warning when the lock was lost while held. */
  logger?: Logger;
  /**
   * Called when the wait starts for a live holder, and again whenever another holder takes its place, with who
   * holds the lock (`undefined` while its owner record cannot be read): for waits long enough that a person
   * should be told why nothing happens.
   */
  onWait?: (holder: FileLockHolder | undefined) => void;
  /** Stops the wait: the call rejects with the signal's reason and `fn` never runs. */
  signal?: AbortSignal;
}

/** Who holds a lock, as its owner record says. */
export interface FileLockHolder {
  pid: number;
  hostname: string;
}

/**
 * Whether `fn` runs holding the lock. `held: false` when the lock's directory cannot be written (read-only, full,
 * or not writable by this user): no other process can write there either, so `fn` runs without it; `reason` says
 * why, for the caller's warning.
 */
export type FileLockHold = { held: true } | { held: false; reason: string };

/** What a lock file holds: who owns it. */
interface LockOwner {
  pid: number;
  hostname: string;
  /** Unique per acquisition, so that a holder never removes a lock that someone else now holds. */
  nonce: string;
  acquiredAt: string;
}

const DEFAULT_STALE_MS = 10_000;
const DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;
const FIRST_DELAY_MS = 5;
const MAX_DELAY_MS = 200;
/** A take-over guard older than this was left by a process that died mid take-over. */
const GUARD_STALE_MS = 2_000;
/** An owner record is about 120 bytes: a larger file was not written by a lock holder. */
const MAX_LOCK_BYTES = 4096;
/** Opens for reading that neither follow a symbolic link nor wait for a FIFO's writer. */
const SAFE_READ = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
/** Creates a new file, failing when anything (a symbolic link included) is already there. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
/** Errors that mean the directory cannot be written: no process of this user can take the lock there. */
const UNWRITABLE = new Set(["EROFS", "ENOSPC", "EDQUOT", "EACCES", "EPERM"]);

/**
 * Runs `fn` while holding an exclusive lock on `lockPath`, across processes (and hosts sharing the directory).
 *
 * The lock is a file holding the owner's pid, host name and a nonce, hard-linked into place from a temporary file
 * (so that it never exists empty; `link` fails when the lock exists, like `O_CREAT | O_EXCL`). Waiting is
 * asynchronous polling with jittered exponential backoff, so the event loop is never blocked. A lock is taken
 * over when its holder is a process of this host that no longer exists (`process.kill(pid, 0)`), or when the
 * holder has not touched the file for `staleMs` (a holder on another host, a frozen process or a reused pid).
 * Take-overs are serialised by a second, short-lived `O_EXCL` guard file, and re-check that the lock is still
 * the one judged stale, so two waiters never both remove a lock.
 *
 * The lock path is never trusted: it is opened without following a symbolic link and without blocking, and must
 * be a regular file of at most 4 KiB. A symbolic link, FIFO, device or oversized file there cannot be a lock and
 * is replaced at once; a directory is named in an error. The holder keeps the lock fresh through its own open
 * file, never through the path. When the directory cannot be written (read-only, full, not writable), `fn` runs
 * without the lock and is told so ({@link FileLockHold}). No temporary file outlives a call.
 *
 * @throws TokenProviderError (`tryNextLink: false`): `reason: "ServiceUnavailable"` when a live holder keeps the
 *   lock past `acquireTimeoutMs`; `reason: "Misconfigured"` when a directory sits at `lockPath`.
 */
export const withFileLock = async <T>(
  lockPath: string,
  fn: (hold: FileLockHold) => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> => {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const acquired = await acquire(
    lockPath,
    staleMs,
    options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    options,
  );
  if ("unavailable" in acquired) {
    options.logger?.debug?.(
      `@sso-kit/token-provider - running without the lock ${lockPath}: ${acquired.unavailable}`,
    );
    return fn({ held: false, reason: acquired.unavailable });
  }
  const { owner, handle } = acquired;
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      // Through the open file: a path could have been replaced by a symbolic link, or by someone else's lock.
      handle.utimes(now, now).catch(() => undefined);
    },
    Math.max(10, Math.floor(staleMs / 3)),
  );
  heartbeat.unref();
  try {
    return await fn({ held: true });
  } finally {
    clearInterval(heartbeat);
    await handle.close().catch(() => undefined);
    await release(lockPath, owner, options.logger);
  }
};

type Acquired = { owner: LockOwner; handle: FileHandle } | { unavailable: string };

const acquire = async (
  lockPath: string,
  staleMs: number,
  acquireTimeoutMs: number,
  options: FileLockOptions,
): Promise<Acquired> => {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    nonce: nodeCrypto().randomBytes(12).toString("hex"),
    acquiredAt: new Date().toISOString(),
  };
  const deadline = Date.now() + acquireTimeoutMs;
  let delay = FIRST_DELAY_MS;
  let lastHolder: { owner?: LockOwner } = {};
  let announced: string | undefined;
  try {
    await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  } catch (error) {
    const unavailable = unwritable(error);
    if (unavailable !== undefined) return { unavailable };
    throw error;
  }
  for (;;) {
    options.signal?.throwIfAborted();
    let created;
    try {
      created = await tryCreate(lockPath, owner);
    } catch (error) {
      const unavailable = unwritable(error);
      if (unavailable !== undefined) return { unavailable };
      throw error;
    }
    if (created !== undefined) {
      return { owner, handle: created };
    }
    const state = await inspect(lockPath, staleMs);
    if (state.kind === "gone") {
      continue;
    }
    if (state.kind === "directory") {
      throw await tokenProviderError(
        `The lock ${lockPath} is a directory, so it cannot be used as the SSO token cache lock: remove that directory.`,
        { tryNextLink: false, logger: options.logger, reason: "Misconfigured" },
      );
    }
    if (state.kind === "stale") {
      options.logger?.debug?.(`@sso-kit/token-provider - taking over the lock ${lockPath} (${state.reason})`);
      if (await breakLock(lockPath, state)) {
        continue;
      }
      // Someone else is taking it over: wait like for a live holder.
    } else {
      lastHolder = state;
      const nonce = state.owner?.nonce ?? "";
      if (options.onWait !== undefined && nonce !== announced) {
        announced = nonce;
        options.onWait(state.owner && { pid: state.owner.pid, hostname: state.owner.hostname });
      }
    }
    if (Date.now() >= deadline) {
      const who =
        lastHolder.owner === undefined
          ? "another process"
          : `process ${lastHolder.owner.pid} on ${lastHolder.owner.hostname}`;
      throw await tokenProviderError(
        `Timed out after ${Math.round(acquireTimeoutMs / 1000)} s waiting for the SSO token cache lock ${lockPath}, held by ${who}. If no sso-kit process is running, delete that file.`,
        { tryNextLink: false, logger: options.logger, reason: "ServiceUnavailable" },
      );
    }
    // Full jitter: waiters that started together spread out instead of polling in lockstep.
    await sleep(
      Math.min(delay, Math.max(1, deadline - Date.now())) * (0.5 + Math.random()),
      undefined,
      options.signal && { signal: options.signal },
    ).catch((error: unknown) => {
      throw options.signal?.aborted === true ? options.signal.reason : error;
    });
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
};

/** `CODE: words` when `error` says the directory cannot be written, else `undefined`. */
const unwritable = (error: unknown): string | undefined => {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined || !UNWRITABLE.has(code)) return undefined;
  // Node's message is `CODE: words, syscall 'path'`; the words are enough.
  const words = /^[A-Z]+: ([^,]+)/.exec(message)?.[1];
  return words === undefined ? code : `${code}: ${words}`;
};

/** Errors of `link` where the file system has no hard links (some network and FAT file systems). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/**
 * Creates the lock holding `owner` and returns its open file, or `undefined` when the lock exists. The owner
 * record is written to a temporary file first and hard-linked into place, so that the lock never exists empty: a
 * holder killed halfway leaves either no lock or a complete one, which `inspect` recognises as dead at once
 * (instead of after `staleMs`). The temporary file is removed on every path, a failed write (a full disk)
 * included.
 */
const tryCreate = async (lockPath: string, owner: LockOwner): Promise<FileHandle | undefined> => {
  const temporary = temporaryPathFor(lockPath);
  let handle: FileHandle | undefined;
  let keep = false;
  try {
    handle = await open(temporary, CREATE_NEW, 0o600);
    await handle.writeFile(JSON.stringify(owner), "utf8");
    try {
      await link(temporary, lockPath);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === "EEXIST") return undefined;
      if (code !== undefined && NO_HARD_LINKS.has(code)) return await createInPlace(lockPath, owner);
      throw error;
    }
    keep = true;
    return handle;
  } finally {
    if (!keep) await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
  }
};

/**
 * Without hard links: create exclusively, then write (an empty lock is possible; it is stale after `staleMs`). A
 * failed write removes the file it created.
 */
const createInPlace = async (lockPath: string, owner: LockOwner): Promise<FileHandle | undefined> => {
  let handle;
  try {
    handle = await open(lockPath, CREATE_NEW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return undefined;
    }
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner), "utf8");
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(lockPath).catch(() => undefined);
    throw error;
  }
};

/** What is at the lock path, identified so that a take-over removes exactly what was judged stale. */
interface LockFile {
  ino: number;
  /** The owner record's text; `undefined` for what is not a regular file of bounded size. */
  text: string | undefined;
}

type LockState =
  | { kind: "gone" }
  | { kind: "directory" }
  | { kind: "held"; owner?: LockOwner }
  | ({ kind: "stale"; reason: string } & LockFile);

/**
 * What is at the lock path, read without following a symbolic link or blocking on a FIFO: a regular file of at
 * most {@link MAX_LOCK_BYTES} gives its text; anything else (a link, FIFO, device, oversized file) is `what`.
 */
const readLock = async (
  lockPath: string,
): Promise<
  | { kind: "gone" }
  | { kind: "directory" }
  | { kind: "file"; ino: number; mtimeMs: number; text: string }
  | { kind: "other"; ino: number; what: string }
> => {
  let handle;
  try {
    handle = await open(lockPath, SAFE_READ);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") return { kind: "gone" };
    if (code === "EISDIR") return { kind: "directory" };
    if (code === "ELOOP" || code === "ENXIO" || code === "EOPNOTSUPP") {
      // A symbolic link (ELOOP), or a socket or device that cannot be opened: identified by lstat instead.
      const stats = await lstat(lockPath).catch(() => undefined);
      if (stats === undefined) return { kind: "gone" };
      if (stats.isDirectory()) return { kind: "directory" };
      return {
        kind: "other",
        ino: stats.ino,
        what: stats.isSymbolicLink() ? "a symbolic link" : "not a file",
      };
    }
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { kind: "directory" };
    if (!stats.isFile()) {
      return { kind: "other", ino: stats.ino, what: stats.isFIFO() ? "a FIFO" : "not a regular file" };
    }
    if (stats.size > MAX_LOCK_BYTES) {
      return { kind: "other", ino: stats.ino, what: `a file of ${stats.size} bytes, not an owner record` };
    }
    const buffer = Buffer.alloc(MAX_LOCK_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_LOCK_BYTES) {
      return { kind: "other", ino: stats.ino, what: `a file of more than ${MAX_LOCK_BYTES} bytes` };
    }
    return { kind: "file", ino: stats.ino, mtimeMs: stats.mtimeMs, text: buffer.toString("utf8", 0, length) };
  } finally {
    await handle.close();
  }
};

/** Reads the lock and decides whether its holder is alive. */
const inspect = async (lockPath: string, staleMs: number): Promise<LockState> => {
  const found = await readLock(lockPath);
  if (found.kind === "gone" || found.kind === "directory") return found;
  if (found.kind === "other") {
    // No holder ever leaves this: it is replaced at once.
    return { kind: "stale", reason: `it is ${found.what}`, ino: found.ino, text: undefined };
  }
  const { text, ino, mtimeMs } = found;
  const owner = parseOwner(text);
  const age = Date.now() - mtimeMs;
  if (owner !== undefined && owner.hostname === hostname() && !isRunning(owner.pid)) {
    return { kind: "stale", reason: `process ${owner.pid} no longer runs`, text, ino };
  }
  if (age > staleMs) {
    // An unreadable owner is a holder that died between creating and filling the file.
    return { kind: "stale", reason: `not touched for ${Math.round(age)} ms`, text, ino };
  }
  return owner === undefined ? { kind: "held" } : { kind: "held", owner };
};

const parseOwner = (text: string): LockOwner | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object") {
      const { pid, hostname: host, nonce, acquiredAt } = value as Record<string, unknown>;
      if (
        typeof pid === "number" &&
        Number.isSafeInteger(pid) &&
        pid > 0 &&
        typeof host === "string" &&
        typeof nonce === "string" &&
        typeof acquiredAt === "string"
      ) {
        return { pid, hostname: host, nonce, acquiredAt };
      }
    }
  } catch {
    // fall through: not (yet) a complete owner record
  }
  return undefined;
};

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes a stale lock, unless it changed since it was judged stale; `false` when another waiter is at it. */
const breakLock = async (lockPath: string, stale: LockFile): Promise<boolean> => {
  const guardPath = `${lockPath}.takeover`;
  let guard;
  try {
    guard = await open(guardPath, CREATE_NEW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Someone else is taking over; if they died doing it, clear their guard so the next round can proceed.
    const age = await lstat(guardPath).then(
      (stats) => Date.now() - stats.mtimeMs,
      () => 0,
    );
    if (age > GUARD_STALE_MS) {
      await unlink(guardPath).catch(() => undefined);
    }
    return false;
  }
  try {
    await guard.close();
    const now = await readLock(lockPath);
    const same =
      (now.kind === "file" && stale.text === now.text && now.ino === stale.ino) ||
      (now.kind === "other" && stale.text === undefined && now.ino === stale.ino);
    if (same) {
      // unlink removes a symbolic link itself, never what it points to.
      await unlink(lockPath);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  } finally {
    await unlink(guardPath).catch(() => undefined);
  }
  return true;
};

const release = async (lockPath: string, owner: LockOwner, logger?: Logger): Promise<void> => {
  try {
    const current = await readLock(lockPath);
    if (current.kind === "file" && parseOwner(current.text)?.nonce === owner.nonce) {
      await unlink(lockPath);
      return;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      logger?.warn?.(`@sso-kit/token-provider - could not release the lock ${lockPath}: ${String(error)}`);
      return;
    }
  }
  logger?.warn?.(
    `@sso-kit/token-provider - the lock ${lockPath} was taken over while held (the holder was too slow).`,
  );
};
