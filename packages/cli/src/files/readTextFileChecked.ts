import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { CliError } from "../errors/CliError.js";

/** What {@link readTextFileChecked} read. */
export interface CheckedTextFile {
  /** The file's bytes as a latin1 string (one character per byte, so that a rewrite can keep every byte). */
  readonly bytes: string;
  /** The file's permission bits, for a replacement to keep. */
  readonly mode: number;
}

/**
 * Reads a file the CLI is about to rewrite, defensively: opened without following a symlink (a rename would
 * replace the link, not its target) and without blocking on a FIFO; it must be a regular file of at most
 * `maxBytes`.
 *
 * @returns the file, or `undefined` when it does not exist.
 * @throws CliError (exit 1) naming the file and the problem.
 */
export async function readTextFileChecked(
  path: string,
  maxBytes = 10 * 1024 * 1024,
): Promise<CheckedTextFile | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new CliError(
      code === "ELOOP"
        ? `${path} is a symbolic link: pass the file it points to with --config-file, so that the link is not replaced.`
        : `${path} cannot be opened (${code ?? String(error)}).`,
      undefined,
      { cause: error },
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CliError(`${path} is not a regular file.`);
    if (stats.size > maxBytes) throw new CliError(`${path} is larger than ${maxBytes} bytes.`);
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw new CliError(`${path} changed while it was read: run again.`);
    }
    return { bytes: buffer.toString("latin1", 0, length), mode: stats.mode & 0o7777 };
  } finally {
    await handle.close();
  }
}
