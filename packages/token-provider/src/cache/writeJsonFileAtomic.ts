import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { CACHE_FILE_MAX_BYTES } from "./CACHE_FILE_MAX_BYTES.js";
import { CacheFileError } from "./CacheFileError.js";
import { removeAbandonedTemporaryFiles } from "./removeAbandonedTemporaryFiles.js";
import { temporaryPathFor } from "./temporaryPathFor.js";

/** Options of {@link writeJsonFileAtomic}. */
export interface WriteJsonFileAtomicOptions {
  /** Permissions of the file [0o600: cache files hold secrets]. */
  mode?: number;
  /** Permissions of directories created on the way [0o700]. Existing directories are left as they are. */
  directoryMode?: number;
  /**
   * Larger JSON is refused before anything is written [{@link CACHE_FILE_MAX_BYTES}, the limit `readJsonFile`
   * enforces]: a file its reader refuses would make every later read fail.
   */
  maxBytes?: number;
}

/**
 * Writes `value` as JSON to `path` so that a reader sees either the old file or the new one, never a partial
 * one, and a crash leaves one of the two: the JSON goes to a temporary file in the same directory (created with
 * `mode`, exclusively), which is flushed to disk and then renamed over `path`; the directory is flushed too so
 * that the rename survives a power loss. Missing directories are created with `directoryMode`. Temporary files of
 * `path` that a killed writer left behind are removed afterwards.
 *
 * @throws CacheFileError (reason `too-large`) when the JSON is larger than `maxBytes`, or the underlying
 *   file-system error; either way the temporary file is removed and `path` is unchanged.
 */
export const writeJsonFileAtomic = async (
  path: string,
  value: unknown,
  options: WriteJsonFileAtomicOptions = {},
): Promise<void> => {
  const mode = options.mode ?? 0o600;
  const directory = dirname(path);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const maxBytes = options.maxBytes ?? CACHE_FILE_MAX_BYTES;
  const size = Buffer.byteLength(text, "utf8");
  if (size > maxBytes) {
    throw new CacheFileError(
      path,
      "too-large",
      `Not written: ${size} bytes of JSON is more than the ${maxBytes} bytes a cache file may hold`,
    );
  }
  await mkdir(directory, { recursive: true, mode: options.directoryMode ?? 0o700 });
  const temporary = temporaryPathFor(path);
  let renamed = false;
  try {
    const handle = await open(temporary, "wx", mode);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    renamed = true;
  } finally {
    if (!renamed) {
      await unlink(temporary).catch(() => undefined);
    }
  }
  await syncDirectory(directory);
  await removeAbandonedTemporaryFiles(path);
};

const syncDirectory = async (directory: string): Promise<void> => {
  // Not every platform can open or fsync a directory (Windows cannot); the rename has happened either way.
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
};
