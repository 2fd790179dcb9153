import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";

/** A directory that cannot be written, or why this machine cannot make one. */
export type UnwritableDirectory = { path: string; how: string; release: () => void } | { skip: string };

const run = (command: string, args: string[]): void => {
  execFileSync(command, args, { stdio: "ignore" });
};

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Makes `path` (created if missing, with what it holds) read-only for this process, the real way: as root, whose
 * writes no permission bit stops, a read-only bind mount of the directory on itself (`EROFS`); otherwise mode
 * 0500 (`EACCES`). `release()` makes it writable again, for the temporary directory's removal.
 */
export const readOnlyDirectory = (path: string): UnwritableDirectory => {
  mkdirSync(path, { recursive: true });
  if (!isRoot()) {
    chmodSync(path, 0o500);
    return { path, how: "mode 0500 (EACCES)", release: () => chmodSync(path, 0o700) };
  }
  try {
    run("mount", ["--bind", path, path]);
  } catch (error) {
    return { skip: `running as root, and 'mount --bind' is not allowed here (${String(error)})` };
  }
  try {
    run("mount", ["-o", "remount,ro,bind", path]);
  } catch (error) {
    run("umount", [path]);
    return {
      skip: `running as root, and a bind mount cannot be remounted read-only here (${String(error)})`,
    };
  }
  return { path, how: "a read-only bind mount (EROFS)", release: () => run("umount", [path]) };
};

/**
 * Makes `path` a full file system (`ENOSPC` on the first data written): as root, a 64 KiB tmpfs mounted there and
 * filled with one file. Without root there is no way to fill a file system alone: skipped with that reason.
 */
export const fullDirectory = (path: string): UnwritableDirectory => {
  mkdirSync(path, { recursive: true });
  if (!isRoot()) return { skip: "a full file system needs a tmpfs mount, which needs root" };
  try {
    run("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", path]);
  } catch (error) {
    return { skip: `mounting a tmpfs is not allowed here (${String(error)})` };
  }
  try {
    writeFileSync(`${path}/filler`, Buffer.alloc(1024 * 1024));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") {
      run("umount", [path]);
      throw error;
    }
  }
  return { path, how: "a full 64 KiB tmpfs (ENOSPC)", release: () => run("umount", [path]) };
};
