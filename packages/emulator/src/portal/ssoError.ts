import { ServiceError } from "../http/ServiceError.js";
import { SSO_EXCEPTIONS, type SsoExceptionName } from "../http/serviceExceptions.js";

/** An SSO portal error with its modelled status. */
export const ssoError = (name: SsoExceptionName, message: string): ServiceError =>
  new ServiceError("sso", name, SSO_EXCEPTIONS[name], message);
