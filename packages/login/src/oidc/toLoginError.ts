import {
  classifyServiceFailure,
  describeError,
  redactSecrets,
  type EndpointConfig,
} from "@sso-kit/token-provider/internal";

import { LoginError, type LoginErrorCode } from "../LoginError.js";
import { nameOidcEndpoint } from "./nameOidcEndpoint.js";

/** The pending authorization expired: the AWS CLI's wording, kept so users recognise it. */
export const AUTHORIZATION_EXPIRED_MESSAGE = "the pending authorization has expired, start the login again";

/** How much of a service's description a message keeps. */
const DESCRIPTION_LIMIT = 160;

/**
 * Turns whatever an SSO-OIDC call (or a wait) threw into a `LoginError` whose message names the operation
 * (`during`, e.g. "CreateToken") and the HTTP status (or that no reply came), and says which of three things
 * happened (see `classifyServiceFailure`): the service failed (`ServiceError`, or `InvalidResponse` for an
 * unreadable reply: try again); the endpoint is not IAM Identity Center (`InvalidConfig`: a redirect or an HTML
 * page, naming the endpoint URL of `oidc`); or the service refused the request (its exception and description).
 * The message never holds the request: `secrets` are what the call sent (client secret, device code,
 * authorization code, code verifier), and a service that quotes one back gets it replaced by `[redacted]`.
 */
export async function toLoginError(
  error: unknown,
  during: string,
  secrets: ReadonlyArray<string | undefined>,
  oidc?: { readonly config: EndpointConfig },
): Promise<LoginError> {
  if (error instanceof LoginError) return error;
  const fail = (code: LoginErrorCode, message: string): LoginError =>
    new LoginError(code, redactSecrets(message, secrets), { cause: error });
  const name = errorName(error);
  if (name === "AbortError") return abortedError(error);
  if (name === "ExpiredTokenException") return fail("AuthorizationExpired", AUTHORIZATION_EXPIRED_MESSAGE);
  const failure = classifyServiceFailure(error);
  if (failure.kind === "misconfigured") {
    const where = oidc === undefined ? "the SSO-OIDC endpoint" : await nameOidcEndpoint(oidc);
    return fail(
      "InvalidConfig",
      `${where} answered ${during} with ${failure.answer}: it is not the IAM Identity Center API; check sso_region and the endpoint settings (AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, endpoint_url), then start the login again`,
    );
  }
  if (failure.kind === "service") {
    if (failure.status !== undefined && failure.status >= 200 && failure.status < 300) {
      return fail(
        "InvalidResponse",
        `IAM Identity Center's ${during} reply (${failure.statusText}) could not be read (${describeError(error, secrets)}); the service failed: try the login again`,
      );
    }
    return fail(
      "ServiceError",
      `IAM Identity Center failed ${during} (${failure.statusText}: ${describeError(error, secrets)}); the service failed or could not be reached: try the login again`,
    );
  }
  if (name === "AccessDeniedException") {
    return fail(
      "AccessDenied",
      `IAM Identity Center denied the sign-in (${during}, ${failure.statusText}: AccessDeniedException${describe(error, secrets)}); check that your user may use this start URL, then start the login again`,
    );
  }
  return fail(
    "ServiceError",
    `IAM Identity Center refused ${during} (${failure.statusText}: ${name}${describe(error, secrets)}); check sso_start_url and sso_region, then start the login again`,
  );
}

/** The error for a cancelled login. */
export function abortedError(cause?: unknown): LoginError {
  return new LoginError("Aborted", "the login was cancelled", cause === undefined ? undefined : { cause });
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name ? name : "Error";
}

/** `: <description>` from the service's reply, redacted and shortened; empty when it says nothing useful. */
function describe(error: unknown, secrets: ReadonlyArray<string | undefined>): string {
  const { error_description: description, message } = error as {
    error_description?: unknown;
    message?: unknown;
  };
  const text = typeof description === "string" && description ? description : message;
  if (typeof text !== "string" || !text || text === "UnknownError") return "";
  // Redacted before it is shortened, so that no part of a secret survives a cut.
  const line = redactSecrets(text, secrets).replace(/\s+/g, " ").trim();
  return `: ${line.length > DESCRIPTION_LIMIT ? `${line.slice(0, DESCRIPTION_LIMIT - 3)}...` : line}`;
}
