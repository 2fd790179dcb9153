import { nodeCrypto } from "../crypto/nodeCrypto.js";

/**
 * The file name every AWS tool uses for a cache key: lower-case hex SHA-1 of the key's UTF-8 bytes, plus `.json`.
 * Token files are keyed by sso-session name (or start URL for legacy profiles); keys are hashed verbatim.
 */
export const cacheFileName = (key: string): string =>
  `${nodeCrypto().createHash("sha1").update(key, "utf8").digest("hex")}.json`;
