/**
 * `@sso-kit/token-provider/internal/core`: the part of `./internal` that a process loads to get a token and call
 * AWS with it (config, the token cache's reads, the providers, the bounded request handler, the error vocabulary).
 * What else `./internal` holds (locking, atomic writes, reading failed calls) is loaded by the first process that
 * needs it: sibling packages import from here on their start-up path, and from `./internal` elsewhere. Not covered
 * by semver, as `./internal`.
 */
export { fromSso, type FromSsoInit } from "../provider/fromSso.js";
export { fromSsoSession, type FromSsoSessionInit } from "../provider/fromSsoSession.js";
export { DEFAULT_REFRESH_WINDOW_MS } from "../provider/refreshState.js";
export type { SsoTokenIdentityProperties } from "../provider/readIdentityProperties.js";
export { getProfileName, type ProfileNameInit } from "../config/getProfileName.js";
export { resolveSsoProfile, type ResolveSsoProfileInit } from "../config/resolveSsoProfile.js";
export { resolveSsoSession, type ResolveSsoSessionInit } from "../config/resolveSsoSession.js";
export type { SsoProfile, SsoSession, SsoSessionProfile, LegacySsoProfile } from "../config/SsoProfile.js";
export type { SharedConfigInit } from "../config/SharedConfigInit.js";
export { loadSharedConfig, type SharedConfig, type IniSection } from "../config/loadSharedConfig.js";
export {
  configuredEndpoint,
  type ConfiguredEndpoint,
  type ConfiguredEndpointService,
} from "../config/configuredEndpoint.js";
export { expandHomePath } from "../config/expandHomePath.js";
export { getHomeDir } from "../config/getHomeDir.js";
export { nodeCrypto } from "../crypto/nodeCrypto.js";
export { loadCommonJsModule } from "../modules/loadCommonJsModule.js";
export { processWide } from "../process/processWide.js";
export {
  SsoTokenCache,
  type SsoTokenCacheOptions,
  type SsoTokenCacheReadContext,
} from "../cache/SsoTokenCache.js";
export type { SsoTokenFile } from "../cache/SsoTokenFile.js";
export type { SsoClientRegistration } from "../cache/SsoClientRegistration.js";
export { cacheFileName } from "../cache/cacheFileName.js";
export { readJsonFile, type ReadJsonFileOptions } from "../cache/readJsonFile.js";
export { CacheFileError, type CacheFileErrorReason } from "../cache/CacheFileError.js";
export { parseTimestamp } from "../cache/parseTimestamp.js";
export { signInAdvice, signInCommand, type SignInTarget } from "../errors/signInAdvice.js";
export { redactSecrets } from "../errors/redactSecrets.js";
export {
  tokenProviderError,
  loadProviderErrors,
  type TokenProviderErrorOptions,
  type SsoTokenProviderError,
  type SsoTokenErrorReason,
} from "../errors/tokenProviderError.js";
export type { ParentClientConfig } from "../oidc/OidcClientFactory.js";
export { DEFAULT_REQUEST_HANDLER } from "../http/DEFAULT_REQUEST_HANDLER.js";
export { boundedRequestHandler } from "../http/boundedRequestHandler.js";
export { BoundedHttpHandler, type ReplyBounds, type SdkHttpHandler } from "../http/BoundedHttpHandler.js";
export { ReplyTooLargeError } from "../http/ReplyTooLargeError.js";
export { AttemptDeadlineError } from "../http/AttemptDeadlineError.js";
export { escapeControlCharacters } from "../text/escapeControlCharacters.js";
export { endpointUrlOf, type EndpointConfig } from "../http/endpointUrlOf.js";
