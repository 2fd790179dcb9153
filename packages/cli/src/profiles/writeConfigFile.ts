import { writeFileAtomic } from "@sso-kit/token-provider/internal";
import type { CheckedTextFile } from "../files/readTextFileChecked.js";

/**
 * Replaces the config file at `path` with `text` (a byte string, see `ConfigText`) atomically, after keeping the
 * file as it was read (`previous`, every byte) in `<path>.bak`. The file keeps its permissions; a new file is
 * 0600 in directories created 0700 (the writer's defaults).
 *
 * @returns the backup's path, `undefined` when there was no file to keep.
 */
export async function writeConfigFile(
  path: string,
  previous: CheckedTextFile | undefined,
  text: string,
): Promise<string | undefined> {
  const mode = previous?.mode ?? 0o600;
  if (previous === undefined) {
    await writeFileAtomic(path, Buffer.from(text, "latin1"), { mode });
    return undefined;
  }
  const backup = `${path}.bak`;
  await writeFileAtomic(backup, Buffer.from(previous.bytes, "latin1"), { mode });
  await writeFileAtomic(path, Buffer.from(text, "latin1"), { mode });
  return backup;
}
