import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { removeAbandonedTemporaryFiles } from "./removeAbandonedTemporaryFiles.js";
import { temporaryPathFor } from "./temporaryPathFor.js";

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Permissions of the file, exactly (the umask does not narrow them) [0o600: sso-kit's files hold secrets]. */
  mode?: number | undefined;
  /** Permissions of directories created on the way [0o700]. Existing directories are left as they are. */
  directoryMode?: number | undefined;
}

/**
 * Writes `data` to `path` so that a reader sees either the old file or the new one, never a partial one, and a
 * crash leaves one of the two: the data goes to a temporary file in the same directory (created exclusively),
 * which is flushed to disk and then renamed over `path`; the directory is flushed too so that the rename survives
 * a power loss. Missing directories are created with `directoryMode`. Temporary files of `path` that a killed
 * writer left behind are removed afterwards. The one atomic writer of sso-kit: cache files (through
 * `writeJsonFileAtomic`) and the CLI's edits of `~/.aws/config`.
 *
 * @throws the underlying file-system error; the temporary file is removed and `path` is unchanged.
 */
export const writeFileAtomic = async (
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> => {
  const mode = options.mode ?? 0o600;
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: options.directoryMode ?? 0o700 });
  const temporary = temporaryPathFor(path);
  let renamed = false;
  try {
    const handle = await open(temporary, "wx", mode);
    try {
      await handle.writeFile(data);
      // The umask may have narrowed `mode` when the file was created.
      await handle.chmod(mode);
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
