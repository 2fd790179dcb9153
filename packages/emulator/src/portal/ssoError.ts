import { ServiceError } from "../http/ServiceError.js";

/** Names of the exceptions the SSO portal models, with their status. */
const STATUS = {
  InvalidRequestException: 400,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
  UnauthorizedException: 401,
} as const;

/** An SSO portal error with its modelled status. */
export const ssoError = (name: keyof typeof STATUS, message: string): ServiceError =>
  new ServiceError("sso", name, STATUS[name], message);
