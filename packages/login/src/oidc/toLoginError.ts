import { LoginError } from "../LoginError.js";

/** The pending authorization expired: the AWS CLI's wording, kept so users recognise it. */
export const AUTHORIZATION_EXPIRED_MESSAGE = "the pending authorization has expired, start the login again";

/**
 * Turns whatever an SSO-OIDC call (or a wait) threw into a `LoginError`. `during` names the step, e.g.
 * "CreateToken". Only the exception name and the service's short description are kept in the message;
 * the request (which holds the client secret) never is.
 */
export function toLoginError(error: unknown, during: string): LoginError {
  if (error instanceof LoginError) return error;
  const name = errorName(error);
  if (name === "AbortError") return abortedError(error);
  if (name === "ExpiredTokenException") {
    return new LoginError("AuthorizationExpired", AUTHORIZATION_EXPIRED_MESSAGE, { cause: error });
  }
  if (name === "AccessDeniedException") {
    return new LoginError(
      "AccessDenied",
      `IAM Identity Center denied the sign-in (${during}: AccessDeniedException${describe(error)}); check that your user may use this start URL, then start the login again`,
      { cause: error },
    );
  }
  if (isServiceException(error)) {
    return new LoginError(
      "ServiceError",
      `IAM Identity Center refused ${during} (${name}${describe(error)}); check sso_start_url and sso_region, then start the login again`,
      { cause: error },
    );
  }
  return new LoginError(
    "ServiceError",
    `could not reach IAM Identity Center for ${during} (${transportCode(error, name)}); check the network and the SSO-OIDC endpoint, then start the login again`,
    { cause: error },
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

/** A modelled (or unknown) exception answered by the service, as opposed to a transport failure. */
function isServiceException(error: unknown): boolean {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata;
  return typeof metadata?.httpStatusCode === "number";
}

/** The system error code (`ECONNREFUSED`, ...); the SDK may have wrapped the error and kept only its text. */
function transportCode(error: unknown, fallback: string): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && code) return code;
  const fromMessage = typeof message === "string" ? /\bE[A-Z][A-Z0-9_]+\b/.exec(message)?.[0] : undefined;
  return fromMessage ?? fallback;
}

/** `: <description>` from the service's reply, shortened; empty when it says nothing useful. */
function describe(error: unknown): string {
  const { error_description: description, message } = error as {
    error_description?: unknown;
    message?: unknown;
  };
  const text = typeof description === "string" && description ? description : message;
  if (typeof text !== "string" || !text || text === "UnknownError") return "";
  const line = text.replace(/\s+/g, " ").trim();
  return `: ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`;
}
