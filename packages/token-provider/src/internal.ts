/**
 * `@sso-kit/token-provider/internal`: what the sso-kit packages share with each other (config resolution, the
 * cache files, the lock, error wording and redaction, process-wide state). Only for `@sso-kit/*` packages, which
 * depend on the exact version they were released with: NOT covered by semver, any release may change or remove
 * any of it. Programs use the package's main entry (`@sso-kit/token-provider`), which re-exports its public part.
 */
export { fromSso, type FromSsoInit } from "./provider/fromSso.js";
export { fromSsoSession, type FromSsoSessionInit } from "./provider/fromSsoSession.js";
export { DEFAULT_REFRESH_WINDOW_MS } from "./provider/refreshState.js";
export type { SsoTokenIdentityProperties } from "./provider/readIdentityProperties.js";
export { getProfileName, type ProfileNameInit } from "./config/getProfileName.js";
export { resolveSsoProfile, type ResolveSsoProfileInit } from "./config/resolveSsoProfile.js";
export { resolveSsoSession, type ResolveSsoSessionInit } from "./config/resolveSsoSession.js";
export type { SsoProfile, SsoSession, SsoSessionProfile, LegacySsoProfile } from "./config/SsoProfile.js";
export type { SharedConfigInit } from "./config/SharedConfigInit.js";
export { loadSharedConfig, type SharedConfig, type IniSection } from "./config/loadSharedConfig.js";
export {
  configuredEndpoint,
  type ConfiguredEndpoint,
  type ConfiguredEndpointService,
} from "./config/configuredEndpoint.js";
export { expandHomePath } from "./config/expandHomePath.js";
export { getHomeDir } from "./config/getHomeDir.js";
export { nodeCrypto } from "./crypto/nodeCrypto.js";
export { loadCommonJsModule } from "./modules/loadCommonJsModule.js";
export { processWide } from "./process/processWide.js";
export {
  SsoTokenCache,
  type SsoTokenCacheOptions,
  type SsoTokenCacheReadContext,
} from "./cache/SsoTokenCache.js";
export type { SsoTokenFile } from "./cache/SsoTokenFile.js";
export type { SsoClientRegistration } from "./cache/SsoClientRegistration.js";
export {
  clientRegistrationCacheKey,
  type ClientRegistrationCacheKeyInput,
} from "./cache/clientRegistrationCacheKey.js";
export { cacheFileName } from "./cache/cacheFileName.js";
export { pythonJsonString } from "./cache/pythonJsonString.js";
export { writeJsonFileAtomic, type WriteJsonFileAtomicOptions } from "./cache/writeJsonFileAtomic.js";
export { writeFileAtomic, type WriteFileAtomicOptions } from "./cache/writeFileAtomic.js";
export { readJsonFile, type ReadJsonFileOptions } from "./cache/readJsonFile.js";
export { CacheFileError, type CacheFileErrorReason } from "./cache/CacheFileError.js";
export { parseTimestamp } from "./cache/parseTimestamp.js";
export { formatTimestamp } from "./cache/formatTimestamp.js";
export {
  withFileLock,
  type FileLockOptions,
  type FileLockHold,
  type FileLockHolder,
} from "./lock/withFileLock.js";
export { signInAdvice, signInCommand, type SignInTarget } from "./errors/signInAdvice.js";
export { redactSecrets } from "./errors/redactSecrets.js";
export {
  tokenProviderError,
  loadProviderErrors,
  type TokenProviderErrorOptions,
  type SsoTokenProviderError,
  type SsoTokenErrorReason,
} from "./errors/tokenProviderError.js";
export {
  parseCreateTokenReply,
  type CreateTokenReply,
  TOKEN_MAX_CHARS,
  EXPIRES_IN_MAX_SECONDS,
} from "./oidc/parseCreateTokenReply.js";
export { describeError } from "./provider/describeError.js";
export type { ParentClientConfig } from "./oidc/OidcClientFactory.js";
export { DEFAULT_REQUEST_HANDLER } from "./http/DEFAULT_REQUEST_HANDLER.js";
export { boundedRequestHandler } from "./http/boundedRequestHandler.js";
export { BoundedHttpHandler, type ReplyBounds, type SdkHttpHandler } from "./http/BoundedHttpHandler.js";
export { ReplyTooLargeError } from "./http/ReplyTooLargeError.js";
export { AttemptDeadlineError } from "./http/AttemptDeadlineError.js";
export { escapeControlCharacters } from "./text/escapeControlCharacters.js";
export { endpointUrlOf, type EndpointConfig } from "./http/endpointUrlOf.js";
export {
  classifyServiceFailure,
  type ServiceFailure,
  type ServiceFailureKind,
} from "./http/classifyServiceFailure.js";
