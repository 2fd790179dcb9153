export { fromSSO } from "./fromSSO.js";
export type { FromSSOInit, InheritedClientConfig } from "./FromSSOInit.js";
export type { SsoPortalClient } from "./portal/SsoPortalClient.js";
export type { SsoCredentialIdentity, SsoCredentialFeatures } from "./identity/SsoCredentialIdentity.js";
export {
  SsoCredentialsProviderError,
  type SsoCredentialsErrorReason,
  type SsoCredentialsProviderErrorOptions,
} from "./errors/SsoCredentialsProviderError.js";
