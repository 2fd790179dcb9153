// The public API, and nothing else: what sibling packages also share is in ./internal.ts (not covered by semver).
export { fromSso, fromSsoSession, SsoTokenCache } from "./internal.js";
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
