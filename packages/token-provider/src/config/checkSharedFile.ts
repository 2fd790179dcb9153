import { stat } from "node:fs/promises";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/**
 * The largest shared config or credentials file sso-kit reads: real ones are a few kilobytes. The SDK's parser
 * reads any size, takes seconds per megabyte and holds several copies while it works (a 50 MB config made
 * `sso-kit export` run for minutes and peak at 1.5 GB).
 */
export const MAX_SHARED_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Checks a shared config or credentials file before it is read: a missing file is fine (it reads as empty), but
 * one that is not a regular file (a FIFO would block the read forever, a directory cannot be read) or is larger
 * than {@link MAX_SHARED_FILE_BYTES} is a configuration error naming the file. Symbolic links are followed, as
 * dotfile managers make them.
 *
 * @throws TokenProviderError (`tryNextLink: false`)
 */
export const checkSharedFile = async (path: string, kind: "config" | "credentials"): Promise<void> => {
  let stats;
  try {
    stats = await stat(path);
  } catch {
    return; // Missing or unreadable: the SDK's loader reads it as empty, as the AWS CLI does.
  }
  const problem = !stats.isFile()
    ? "is not a regular file"
    : stats.size > MAX_SHARED_FILE_BYTES
      ? `is ${(stats.size / 1024 / 1024).toFixed(1)} MiB, more than the ${MAX_SHARED_FILE_BYTES / 1024 / 1024} MiB sso-kit reads`
      : undefined;
  if (problem !== undefined) {
    throw await tokenProviderError(`The shared ${kind} file ${path} ${problem}; fix or replace it.`, {
      tryNextLink: false,
    });
  }
};
