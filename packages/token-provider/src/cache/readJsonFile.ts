import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { CACHE_FILE_MAX_BYTES } from "./CACHE_FILE_MAX_BYTES.js";
import { CacheFileError } from "./CacheFileError.js";

/** Options of {@link readJsonFile}. */
export interface ReadJsonFileOptions {
  /** Larger files are rejected without being parsed [{@link CACHE_FILE_MAX_BYTES}: 1 MiB]. */
  maxBytes?: number;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads a JSON object from a cache file, defensively: the file is opened without following a symlink, must be a
 * regular file no larger than `maxBytes`, must hold a JSON object, and may not use the keys `__proto__`,
 * `constructor` or `prototype` anywhere.
 *
 * @returns the parsed object, or `undefined` when the file does not exist.
 * @throws CacheFileError when the file exists but cannot be used; the file is left untouched.
 */
export const readJsonFile = async (
  path: string,
  options: ReadJsonFileOptions = {},
): Promise<Record<string, unknown> | undefined> => {
  const maxBytes = options.maxBytes ?? CACHE_FILE_MAX_BYTES;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return undefined;
    }
    if (code === "ELOOP" || code === "EISDIR") {
      throw new CacheFileError(path, "not-a-file", "The cache file is a symbolic link or a directory", {
        cause: error,
      });
    }
    throw new CacheFileError(path, "io", `The cache file cannot be opened: ${code ?? String(error)}`, {
      cause: error,
    });
  }
  let text: string;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CacheFileError(path, "not-a-file", "The cache file is not a regular file");
    }
    if (stats.size > maxBytes) {
      throw new CacheFileError(path, "too-large", `The cache file is larger than ${maxBytes} bytes`);
    }
    // Read at most one byte past the limit, in case the file grew after the stat.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) {
          throw new CacheFileError(path, "too-large", `The cache file is larger than ${maxBytes} bytes`);
        }
        break;
      }
    }
    text = buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof CacheFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CacheFileError(path, "io", `The cache file cannot be read: ${code ?? String(error)}`, {
      cause: error,
    });
  } finally {
    await handle.close();
  }
  return parseJsonObject(path, text);
};

const parseJsonObject = (path: string, text: string): Record<string, unknown> => {
  if (text.trim() === "") {
    throw new CacheFileError(path, "empty", "The cache file is empty");
  }
  let forbidden: string | undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    // The parser's message can quote file content (a token); only its position is safe to repeat.
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw new CacheFileError(
      path,
      "invalid-json",
      `The cache file is not valid JSON (corrupt or truncated${position === undefined ? "" : ` at byte ${position}`})`,
    );
  }
  if (forbidden !== undefined) {
    throw new CacheFileError(path, "forbidden-key", `The cache file uses the forbidden key '${forbidden}'`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new CacheFileError(path, "not-an-object", "The cache file does not hold a JSON object");
  }
  return parsed as Record<string, unknown>;
};
