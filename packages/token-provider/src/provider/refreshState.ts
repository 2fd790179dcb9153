import type { TokenIdentity } from "@smithy/types";
import { processWide } from "../process/processWide.js";
import type { SsoTokenFile } from "../cache/SsoTokenFile.js";
import type { SsoTokenErrorReason } from "../errors/tokenProviderError.js";

/** Why a refresh attempt failed: in words (no secrets), and which of three things happened when known. */
export interface RefreshFailure {
  text: string;
  reason: SsoTokenErrorReason | undefined;
}

/**
 * Process-wide refresh bookkeeping, keyed by token file path (a session in one cache directory): every provider
 * instance for the same session shares one in-flight refresh and one attempt clock, as in the official SDK, and so
 * does every copy of this package the process loaded (ESM and CommonJS builds).
 */
export const refreshState = processWide("@sso-kit/token-provider/refresh-state@2", () => ({
  /** The refresh under way, which concurrent callers await instead of starting their own. */
  inFlight: new Map<string, Promise<TokenIdentity>>(),
  /** When the last refresh attempt started (ms since epoch). */
  lastAttempt: new Map<string, number>(),
  /** Why the last attempt failed, repeated while attempts are throttled. */
  lastFailure: new Map<string, RefreshFailure>(),
  /**
   * Refreshed tokens that could not be written back (a read-only or full cache directory): used by this process
   * instead of the older file, whose refresh token may have been rotated away.
   */
  unsaved: new Map<string, SsoTokenFile>(),
}));

/** At most one refresh attempt per session in this long [30 s, as the official SDK]. */
export const REFRESH_ATTEMPT_INTERVAL_MS = 30_000;

/** Tokens expiring within this are refreshed [5 min, as the official SDK]. */
export const DEFAULT_REFRESH_WINDOW_MS = 5 * 60_000;
