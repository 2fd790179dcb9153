import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes `bytes` (a latin1 string: one character per byte) to `path` so that a reader sees the old file or the
 * new one, never a partial one: a temporary file in the same directory (created exclusively with `mode`), flushed,
 * then renamed over `path`; the directory is flushed so the rename survives a power loss. The config-file
 * counterpart of the token provider's `writeJsonFileAtomic`, which writes JSON only.
 *
 * @throws the file-system error; the temporary file is removed and `path` is unchanged.
 */
export async function writeTextFileAtomic(path: string, bytes: string, mode: number): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = `${path}.sso-kit-${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  let renamed = false;
  try {
    const handle = await open(temporary, "wx", mode);
    try {
      await handle.writeFile(Buffer.from(bytes, "latin1"));
      // The umask may have narrowed `mode` at creation; the file keeps exactly the mode it replaces.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temporary).catch(() => undefined);
  }
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can fsync a directory; the rename has happened either way.
  }
}
