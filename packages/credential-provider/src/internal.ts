/**
 * `@sso-kit/credential-provider/internal`: what the sso-kit packages share with each other (the role-credential
 * cache files of `~/.aws/cli/cache`). Only for `@sso-kit/*` packages, which depend on the exact version they were
 * released with: NOT covered by semver, any release may change or remove any of it. Programs use the package's
 * main entry (`@sso-kit/credential-provider`), which re-exports its public part.
 */
export { fromSSO } from "./fromSSO.js";
export type {
  FromSSOInit,
  FromSSOLoginOptions,
  InheritedClientConfig,
  RoleCredentialCacheMode,
} from "./FromSSOInit.js";
export { signInOnDemand } from "./signin/signInOnDemand.js";
export type { SsoPortalClient } from "./portal/SsoPortalClient.js";
export type { SsoCredentialIdentity, SsoCredentialFeatures } from "./identity/SsoCredentialIdentity.js";
export {
  SsoCredentialsProviderError,
  type SsoCredentialsErrorReason,
  type SsoCredentialsProviderErrorOptions,
} from "./errors/SsoCredentialsProviderError.js";
export {
  RoleCredentialCache,
  type RoleCredentialCacheOptions,
  type RoleCredentialCacheResolveOptions,
  type ResolvedCachedRoleCredentials,
} from "./cache/RoleCredentialCache.js";
export type { CachedRoleCredentials } from "./cache/CachedRoleCredentials.js";
export { roleCredentialCacheKey, type RoleCredentialCacheKeyInput } from "./cache/roleCredentialCacheKey.js";
export {
  parseRoleCredentialCacheFile,
  type ParsedRoleCredentialCacheFile,
} from "./cache/parseRoleCredentialCacheFile.js";
