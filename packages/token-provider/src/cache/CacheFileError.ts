/** Why a JSON cache file could not be read. */
export type CacheFileErrorReason =
  | "not-a-file" // a directory, symlink, device, ... where a regular file belongs
  | "too-large"
  | "empty"
  | "invalid-json" // including truncated files
  | "not-an-object"
  | "forbidden-key" // `__proto__`, `constructor` or `prototype`: never merged into our objects
  | "invalid-token" // valid JSON, but not a usable token or registration file
  | "io"; // any other operating-system error

/**
 * A cache file exists but cannot be used. It is left in place (never overwritten by a guess), so the message
 * names the file and the problem for the user to inspect, delete or sign in again.
 */
export class CacheFileError extends Error {
  override name = "CacheFileError";

  constructor(
    /** The file. */
    readonly path: string,
    /** What is wrong with it. */
    readonly reason: CacheFileErrorReason,
    /** What is wrong with it, in words (the message adds the file). */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem} (${path})`, options);
  }
}
