import type { ServiceName } from "./ServiceName.js";

/** SSO-OIDC exceptions: HTTP status and the OAuth `error` value the service model documents. */
export const OIDC_EXCEPTIONS = {
  AccessDeniedException: { status: 400, error: "access_denied" },
  AuthorizationPendingException: { status: 400, error: "authorization_pending" },
  ExpiredTokenException: { status: 400, error: "expired_token" },
  InternalServerException: { status: 500, error: "server_error" },
  InvalidClientException: { status: 401, error: "invalid_client" },
  InvalidClientMetadataException: { status: 400, error: "invalid_client_metadata" },
  InvalidGrantException: { status: 400, error: "invalid_grant" },
  InvalidRedirectUriException: { status: 400, error: "invalid_redirect_uri" },
  InvalidRequestException: { status: 400, error: "invalid_request" },
  InvalidRequestRegionException: { status: 400, error: "invalid_request" },
  InvalidScopeException: { status: 400, error: "invalid_scope" },
  SlowDownException: { status: 400, error: "slow_down" },
  UnauthorizedClientException: { status: 400, error: "unauthorized_client" },
  UnsupportedGrantTypeException: { status: 400, error: "unsupported_grant_type" },
} as const satisfies Record<string, { status: number; error: string }>;

/** Names of the exceptions SSO-OIDC models. */
export type OidcExceptionName = keyof typeof OIDC_EXCEPTIONS;

/** SSO portal exceptions and their HTTP status. */
export const SSO_EXCEPTIONS = {
  InvalidRequestException: 400,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
  UnauthorizedException: 401,
} as const satisfies Record<string, number>;

/** Names of the exceptions the SSO portal models. */
export type SsoExceptionName = keyof typeof SSO_EXCEPTIONS;

/** STS error codes (modelled exceptions and the common query-protocol errors) and their HTTP status. */
export const STS_ERRORS = {
  ExpiredTokenException: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  IDPRejectedClaim: 403,
  InvalidIdentityToken: 400,
  IDPCommunicationError: 400,
  InvalidAuthorizationMessageException: 400,
  ExpiredTradeInTokenException: 400,
  JWTPayloadSizeExceededException: 400,
  OutboundWebIdentityFederationDisabledException: 403,
  SessionDurationEscalationException: 403,
  AccessDenied: 403,
  ExpiredToken: 403,
  IncompleteSignature: 400,
  InternalFailure: 500,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  InvalidParameterValue: 400,
  MissingAction: 400,
  MissingAuthenticationToken: 403,
  SignatureDoesNotMatch: 403,
  ServiceUnavailable: 503,
  Throttling: 400,
  ValidationError: 400,
} as const satisfies Record<string, number>;

/** STS error codes the emulator knows the status of. */
export type StsErrorCode = keyof typeof STS_ERRORS;

/** Whether `name` is one of `table`'s own names (an inherited `Object.prototype` member never counts). */
const isNameIn = <T extends object>(table: T, name: string): name is Extract<keyof T, string> =>
  Object.hasOwn(table, name);

/** The status a named exception of `service` has, or `undefined` when the service does not model it. */
export const statusOfException = (service: ServiceName, code: string): number | undefined => {
  switch (service) {
    case "oidc":
      return isNameIn(OIDC_EXCEPTIONS, code) ? OIDC_EXCEPTIONS[code].status : undefined;
    case "sso":
      return isNameIn(SSO_EXCEPTIONS, code) ? SSO_EXCEPTIONS[code] : undefined;
    case "sts":
      return isNameIn(STS_ERRORS, code) ? STS_ERRORS[code] : undefined;
    case "page":
      return undefined;
  }
};

/** The OAuth `error` value of an SSO-OIDC exception; `invalid_request` for a name the service does not model. */
export const oauthErrorOf = (code: string): string =>
  isNameIn(OIDC_EXCEPTIONS, code) ? OIDC_EXCEPTIONS[code].error : "invalid_request";

/** The error name a service uses for a bare HTTP status (fault injection with `status` only). */
export const exceptionForStatus = (service: ServiceName, status: number): string => {
  const byService: Record<ServiceName, Record<number, string>> = {
    oidc: {
      400: "InvalidRequestException",
      401: "InvalidClientException",
      429: "ThrottlingException",
      500: "InternalServerException",
    },
    sso: {
      400: "InvalidRequestException",
      401: "UnauthorizedException",
      404: "ResourceNotFoundException",
      429: "TooManyRequestsException",
      500: "InternalServerException",
    },
    sts: {
      400: "InvalidParameterValue",
      403: "AccessDenied",
      429: "Throttling",
      500: "InternalFailure",
      503: "ServiceUnavailable",
    },
    page: {},
  };
  const known = byService[service][status];
  if (known !== undefined) return known;
  if (service === "sts") return status >= 500 ? "ServiceUnavailable" : "InvalidParameterValue";
  return status >= 500 ? "ServiceUnavailableException" : "InvalidRequestException";
};
