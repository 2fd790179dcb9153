import { parseTimestamp, type SsoTokenCache, type SsoTokenFile } from "@sso-kit/token-provider/internal";
import { lstat } from "node:fs/promises";

import type { LoginTarget } from "../target/resolveLoginTarget.js";

/**
 * The token of `target` when the cache file was written at or after `since` (by another sign-in, or a refresh,
 * that finished while this one waited) and is still usable: unexpired, and for the same start URL. Otherwise
 * `undefined`, and the caller signs in. A file that cannot be read counts as no token: the sign-in replaces it.
 */
export async function readTokenWrittenSince(
  cache: SsoTokenCache,
  target: LoginTarget,
  since: Date,
): Promise<SsoTokenFile | undefined> {
  const path = cache.tokenPath(target.tokenKey);
  // lstat: a symbolic link's own time, never its target's; readToken then refuses anything but a regular file.
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined || !stats.isFile() || stats.mtimeMs < since.getTime()) return undefined;
  const token = await cache.readToken(target.tokenKey).catch(() => undefined);
  if (token === undefined) return undefined;
  const expiresAt = parseTimestamp(token.expiresAt);
  if (expiresAt === undefined || expiresAt.getTime() <= Date.now()) return undefined;
  if (token.startUrl !== undefined && token.startUrl !== target.startUrl) return undefined;
  return token;
}
