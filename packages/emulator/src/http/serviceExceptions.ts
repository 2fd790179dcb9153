import type { ServiceName } from "./ServiceName.js";

/** SSO-OIDC exceptions: HTTP status and the OAuth `error` value the service model documents. */
export const OIDC_EXCEPTIONS: Readonly<Record<string, { status: number; error: string }>> = {
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
};

/** SSO portal exceptions and their HTTP status. */
export const SSO_EXCEPTIONS: Readonly<Record<string, number>> = {
  InvalidRequestException: 400,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
  UnauthorizedException: 401,
};

/** STS error codes (modelled exceptions and the common query-protocol errors) and their HTTP status. */
export const STS_ERRORS: Readonly<Record<string, number>> = {
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
};

/** The status a named exception of `service` has, or `undefined` when the service does not model it. */
export const statusOfException = (service: ServiceName, code: string): number | undefined => {
  switch (service) {
    case "oidc":
      return OIDC_EXCEPTIONS[code]?.status;
    case "sso":
      return SSO_EXCEPTIONS[code];
    case "sts":
      return STS_ERRORS[code];
    case "page":
      return undefined;
  }
};

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
