import { ServiceError } from "../http/ServiceError.js";
import { OIDC_EXCEPTIONS, type OidcExceptionName } from "../http/serviceExceptions.js";

/** An SSO-OIDC error with its modelled status; `description` becomes `error_description`. */
export const oidcError = (name: OidcExceptionName, description: string): ServiceError =>
  new ServiceError("oidc", name, OIDC_EXCEPTIONS[name].status, description);
