// The public API, and nothing else: what sibling packages also share is in ./internal.ts (not covered by semver).
// Imported from where they are defined, not through ./internal.ts, so that a program loads only what they need.
export { fromSSO } from "./fromSSO.js";
export { SsoCredentialsProviderError } from "./errors/SsoCredentialsProviderError.js";
export type {
  FromSSOInit,
  FromSSOLoginOptions,
  InheritedClientConfig,
  RoleCredentialCacheMode,
  SsoPortalClient,
  SsoCredentialIdentity,
  SsoCredentialFeatures,
  SsoCredentialsErrorReason,
  SsoCredentialsProviderErrorOptions,
} from "./internal.js";
