import { nodeCrypto } from "../crypto/nodeCrypto.js";
import { basename, dirname, join } from "node:path";

/**
 * A new, unique path beside `path` for a file that becomes `path` once complete (by rename or link):
 * `.<name>.<pid>.<random>.tmp`. Dot-prefixed and not ending in `.json`, so that listings of cache files never
 * mistake it for one; named after `path`, so that {@link removeAbandonedTemporaryFiles} finds the ones a killed
 * process left behind.
 */
export const temporaryPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
