import { withFileLock, writeFileAtomic } from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { readTextFileChecked, type CheckedTextFile } from "../files/readTextFileChecked.js";

/**
 * Replaces the config file at `path` with `text` (a byte string, see `ConfigText`) atomically, after keeping the
 * file as it was read (`previous`, every byte) in `<path>.bak`. The file keeps its permissions; a new file is
 * 0600 in directories created 0700 (the writer's defaults).
 *
 * Two edits at once (two `configure` or `profiles generate` runs, or another tool) must not lose one: the write
 * happens under the one cross-process lock sso-kit has (`<path>.lock`), and only when the file still holds the
 * bytes the edit was made from; otherwise nothing is written and the command is to be run again.
 *
 * @returns the backup's path, `undefined` when there was no file to keep.
 * @throws CliError (exit 1) when the file changed since it was read, naming it.
 */
export async function writeConfigFile(
  path: string,
  previous: CheckedTextFile | undefined,
  text: string,
): Promise<string | undefined> {
  return withFileLock(`${path}.lock`, async () => {
    const current = await readTextFileChecked(path);
    if (current?.bytes !== previous?.bytes) {
      throw new CliError(
        `${path} changed while sso-kit was editing it (another command or tool wrote it); nothing was written: run the command again.`,
      );
    }
    const mode = previous?.mode ?? 0o600;
    if (previous === undefined) {
      await writeFileAtomic(path, Buffer.from(text, "latin1"), { mode });
      return undefined;
    }
    const backup = `${path}.bak`;
    await writeFileAtomic(backup, Buffer.from(previous.bytes, "latin1"), { mode });
    await writeFileAtomic(path, Buffer.from(text, "latin1"), { mode });
    return backup;
  });
}
