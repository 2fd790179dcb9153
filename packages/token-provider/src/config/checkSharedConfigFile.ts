import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/**
 * The largest shared config or credentials file read [4 MiB; a config with hundreds of profiles is a few
 * hundred KiB].
 */
export const SHARED_CONFIG_FILE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Checks a shared config or credentials file before the SDK's ini loader reads it whole: opened without blocking
 * (a FIFO there would hang the read forever), it must be a regular file (a symbolic link to one is fine: dotfile
 * managers link `~/.aws/config`; a link to `/dev/zero` is not) of at most {@link SHARED_CONFIG_FILE_MAX_BYTES}. A
 * missing file is fine (it reads as empty).
 *
 * @returns `true` when the file exists and passed, `false` when it does not exist.
 * @throws TokenProviderError (`tryNextLink: false`, `reason: "Misconfigured"`) naming the file and the problem.
 */
export const checkSharedConfigFile = async (path: string, what: string): Promise<boolean> => {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw await unusable(path, what, `it cannot be opened (${code ?? String(error)})`);
  }
  let problem: string | undefined;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      problem = stats.isDirectory()
        ? "it is a directory"
        : stats.isFIFO()
          ? "it is a FIFO"
          : "it is not a regular file";
    } else if (stats.size > SHARED_CONFIG_FILE_MAX_BYTES) {
      problem = `it is larger than ${SHARED_CONFIG_FILE_MAX_BYTES} bytes`;
    }
  } finally {
    await handle.close();
  }
  if (problem !== undefined) throw await unusable(path, what, problem);
  return true;
};

const unusable = (path: string, what: string, problem: string) =>
  tokenProviderError(`The ${what} ${path} cannot be used: ${problem}. Replace it with a regular ini file.`, {
    tryNextLink: false,
    reason: "Misconfigured",
  });
