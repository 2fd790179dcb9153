import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";

let loaded: typeof Crypto | undefined;

/**
 * `node:crypto`, loaded on first use rather than when sso-kit is imported: loading it (with the stream modules it
 * brings) is about a third of sso-kit's import time, and only hashing a cache file name, a sharing key or naming a
 * lock needs it. Synchronous, because those are. A built-in module resolves the same from any path, so the
 * `require` is anchored at the running Node binary (the same code runs as ES module and CommonJS).
 */
export const nodeCrypto = (): typeof Crypto =>
  (loaded ??= createRequire(process.execPath)("node:crypto") as typeof Crypto);
