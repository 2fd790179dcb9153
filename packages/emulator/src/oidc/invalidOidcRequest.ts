import type { ServiceError } from "../http/ServiceError.js";
import { oidcError } from "./oidcError.js";

/** The SSO-OIDC validation error (InvalidRequestException) for a malformed request. */
export const invalidOidcRequest = (message: string): ServiceError =>
  oidcError("InvalidRequestException", message);
