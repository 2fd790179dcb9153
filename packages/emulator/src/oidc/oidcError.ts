import { ServiceError } from "../http/ServiceError.js";
import { OIDC_EXCEPTIONS } from "../http/serviceExceptions.js";

/** Names of the exceptions SSO-OIDC models. */
export type OidcExceptionName =
  | "AccessDeniedException"
  | "AuthorizationPendingException"
  | "ExpiredTokenException"
  | "InternalServerException"
  | "InvalidClientException"
  | "InvalidClientMetadataException"
  | "InvalidGrantException"
  | "InvalidRedirectUriException"
  | "InvalidRequestException"
  | "InvalidRequestRegionException"
  | "InvalidScopeException"
  | "SlowDownException"
  | "UnauthorizedClientException"
  | "UnsupportedGrantTypeException";

/** An SSO-OIDC error with its modelled status; `description` becomes `error_description`. */
export const oidcError = (name: OidcExceptionName, description: string): ServiceError =>
  new ServiceError("oidc", name, OIDC_EXCEPTIONS[name]?.status ?? 400, description);
