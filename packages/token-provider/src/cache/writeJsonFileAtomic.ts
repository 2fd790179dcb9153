import { CACHE_FILE_MAX_BYTES } from "./CACHE_FILE_MAX_BYTES.js";
import { CacheFileError } from "./CacheFileError.js";
import { writeFileAtomic, type WriteFileAtomicOptions } from "./writeFileAtomic.js";

/** Options of {@link writeJsonFileAtomic}. */
export interface WriteJsonFileAtomicOptions extends WriteFileAtomicOptions {
  /**
   * Larger JSON is refused before anything is written [{@link CACHE_FILE_MAX_BYTES}, the limit `readJsonFile`
   * enforces]: a file its reader refuses would make every later read fail.
   */
  maxBytes?: number;
}

/**
 * Writes `value` as JSON to `path` through {@link writeFileAtomic}: a reader sees either the old file or the new
 * one, never a partial one, and a crash leaves one of the two.
 *
 * @throws CacheFileError (reason `too-large`) when the JSON is larger than `maxBytes`, or the underlying
 *   file-system error; either way the temporary file is removed and `path` is unchanged.
 */
export const writeJsonFileAtomic = async (
  path: string,
  value: unknown,
  options: WriteJsonFileAtomicOptions = {},
): Promise<void> => {
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
  await writeFileAtomic(path, text, options);
};
