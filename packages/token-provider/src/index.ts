// The public API, and nothing else: what sibling packages also share is in ./internal.ts (not covered by semver).
// Imported from where they are defined, not through ./internal.ts, so that a program loads only what they need.
export { fromSso } from "./provider/fromSso.js";
export { fromSsoSession } from "./provider/fromSsoSession.js";
export { SsoTokenCache } from "./cache/SsoTokenCache.js";
export type {
  FromSsoInit,
  FromSsoSessionInit,
  ParentClientConfig,
  SharedConfigInit,
  SsoClientRegistration,
  SsoProfile,
  SsoSession,
  SsoSessionProfile,
  LegacySsoProfile,
  SsoTokenCacheOptions,
  SsoTokenCacheReadContext,
  SsoTokenFile,
  SsoTokenProviderError,
  SsoTokenErrorReason,
  SsoTokenIdentityProperties,
} from "./internal.js";
