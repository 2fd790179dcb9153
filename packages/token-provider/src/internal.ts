/**
 * `@sso-kit/token-provider/internal`: what the sso-kit packages share with each other (config resolution, the
 * cache files, the lock, error wording and redaction, process-wide state). Only for `@sso-kit/*` packages, which
 * depend on the exact version they were released with: NOT covered by semver, any release may change or remove
 * any of it. Programs use the package's main entry (`@sso-kit/token-provider`), which re-exports its public part.
 */
export * from "./internal/core.js";
export {
  clientRegistrationCacheKey,
  type ClientRegistrationCacheKeyInput,
} from "./cache/clientRegistrationCacheKey.js";
export { pythonJsonString } from "./cache/pythonJsonString.js";
export { writeJsonFileAtomic, type WriteJsonFileAtomicOptions } from "./cache/writeJsonFileAtomic.js";
export { writeFileAtomic, type WriteFileAtomicOptions } from "./cache/writeFileAtomic.js";
export { formatTimestamp } from "./cache/formatTimestamp.js";
export {
  withFileLock,
  type FileLockOptions,
  type FileLockHold,
  type FileLockHolder,
} from "./lock/withFileLock.js";
export {
  parseCreateTokenReply,
  type CreateTokenReply,
  TOKEN_MAX_CHARS,
  EXPIRES_IN_MAX_SECONDS,
} from "./oidc/parseCreateTokenReply.js";
export { describeError } from "./provider/describeError.js";
export {
  classifyServiceFailure,
  type ServiceFailure,
  type ServiceFailureKind,
} from "./http/classifyServiceFailure.js";
