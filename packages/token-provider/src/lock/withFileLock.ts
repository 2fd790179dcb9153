import type { Logger } from "@smithy/types";
import { nodeCrypto } from "../crypto/nodeCrypto.js";
import { link, mkdir, open, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
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
}

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
 * @throws TokenProviderError (`tryNextLink: false`) when a live holder keeps the lock past `acquireTimeoutMs`.
 */
export const withFileLock = async <T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> => {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const owner = await acquire(
    lockPath,
    staleMs,
    options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    options,
  );
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      utimes(lockPath, now, now).catch(() => undefined);
    },
    Math.max(10, Math.floor(staleMs / 3)),
  );
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    await release(lockPath, owner, options.logger);
  }
};

const acquire = async (
  lockPath: string,
  staleMs: number,
  acquireTimeoutMs: number,
  options: FileLockOptions,
): Promise<LockOwner> => {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    nonce: nodeCrypto().randomBytes(12).toString("hex"),
    acquiredAt: new Date().toISOString(),
  };
  const deadline = Date.now() + acquireTimeoutMs;
  let delay = FIRST_DELAY_MS;
  let lastHolder: { owner?: LockOwner } = {};
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  for (;;) {
    if (await tryCreate(lockPath, owner)) {
      return owner;
    }
    const state = await inspect(lockPath, staleMs);
    if (state.kind === "gone") {
      continue;
    }
    if (state.kind === "stale") {
      options.logger?.debug?.(`@sso-kit/token-provider - taking over the lock ${lockPath} (${state.reason})`);
      if (await breakLock(lockPath, state)) {
        continue;
      }
      // Someone else is taking it over: wait like for a live holder.
    } else {
      lastHolder = state;
    }
    if (Date.now() >= deadline) {
      const who =
        lastHolder.owner === undefined
          ? "another process"
          : `process ${lastHolder.owner.pid} on ${lastHolder.owner.hostname}`;
      throw await tokenProviderError(
        `Timed out after ${Math.round(acquireTimeoutMs / 1000)} s waiting for the SSO token cache lock ${lockPath}, held by ${who}. If no sso-kit process is running, delete that file.`,
        { tryNextLink: false, logger: options.logger },
      );
    }
    // Full jitter: waiters that started together spread out instead of polling in lockstep.
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())) * (0.5 + Math.random()));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
};

/** Errors of `link` where the file system has no hard links (some network and FAT file systems). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/**
 * Creates the lock holding `owner`, or returns `false` when it exists. The owner record is written to a temporary
 * file first and hard-linked into place, so that the lock never exists empty: a holder killed halfway leaves
 * either no lock or a complete one, which `inspect` recognises as dead at once (instead of after `staleMs`).
 */
const tryCreate = async (lockPath: string, owner: LockOwner): Promise<boolean> => {
  const temporary = temporaryPathFor(lockPath);
  await writeFile(temporary, JSON.stringify(owner), { encoding: "utf8", mode: 0o600, flag: "wx" });
  try {
    await link(temporary, lockPath);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "EEXIST") return false;
    if (code !== undefined && NO_HARD_LINKS.has(code)) return createInPlace(lockPath, owner);
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
};

/** Without hard links: create exclusively, then write (an empty lock is possible; it is stale after `staleMs`). */
const createInPlace = async (lockPath: string, owner: LockOwner): Promise<boolean> => {
  let handle;
  try {
    handle = await open(lockPath, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return false;
    }
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner), "utf8");
  } finally {
    await handle.close();
  }
  return true;
};

type LockState =
  | { kind: "gone" }
  | { kind: "held"; owner?: LockOwner }
  | { kind: "stale"; reason: string; text: string; ino: number };

/** Reads the lock and decides whether its holder is alive. */
const inspect = async (lockPath: string, staleMs: number): Promise<LockState> => {
  let text: string;
  let ino: number;
  let mtimeMs: number;
  try {
    const stats = await stat(lockPath);
    ino = stats.ino;
    mtimeMs = stats.mtimeMs;
    text = await readFile(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { kind: "gone" };
    }
    throw error;
  }
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
const breakLock = async (lockPath: string, stale: { text: string; ino: number }): Promise<boolean> => {
  const guardPath = `${lockPath}.takeover`;
  let guard;
  try {
    guard = await open(guardPath, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Someone else is taking over; if they died doing it, clear their guard so the next round can proceed.
    const age = await stat(guardPath).then(
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
    const [text, stats] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
    if (text === stale.text && stats.ino === stale.ino) {
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
    const current = parseOwner(await readFile(lockPath, "utf8"));
    if (current?.nonce === owner.nonce) {
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
