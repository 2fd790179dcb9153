// The public API, and nothing else: what sibling packages also share is in ./internal.ts (not covered by semver).
export { fromSSO, SsoCredentialsProviderError } from "./internal.js";
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
