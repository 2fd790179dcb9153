import { readdir, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Writing a temporary file takes milliseconds: one this old was left by a process killed mid-write. */
export const ABANDONED_TEMPORARY_FILE_AGE_MS = 60_000;

/**
 * Removes the temporary files of `path` and of the files named after it (its `.lock`), as made by
 * `temporaryPathFor`, that are older than {@link ABANDONED_TEMPORARY_FILE_AGE_MS}: a process killed between
 * creating one and renaming (or linking) it into place leaves it behind, and nothing else would ever remove it.
 * Best effort: a file that cannot be listed, examined or removed is left for the next time.
 */
export const removeAbandonedTemporaryFiles = async (path: string): Promise<void> => {
  const now = Date.now();
  const directory = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(".tmp"))
      .map(async (name) => {
        const file = join(directory, name);
        try {
          if (now - (await stat(file)).mtimeMs > ABANDONED_TEMPORARY_FILE_AGE_MS) await unlink(file);
        } catch {
          // gone already, or not ours to remove: the next sweep will see
        }
      }),
  );
};
