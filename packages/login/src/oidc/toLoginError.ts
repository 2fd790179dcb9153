import { describeError, redactSecrets } from "@sso-kit/token-provider/internal";

import { LoginError, type LoginErrorCode } from "../LoginError.js";

/** The pending authorization expired: the AWS CLI's wording, kept so users recognise it. */
export const AUTHORIZATION_EXPIRED_MESSAGE = "the pending authorization has expired, start the login again";

/** How much of a service's description a message keeps. */
const DESCRIPTION_LIMIT = 160;

/**
 * Turns whatever an SSO-OIDC call (or a wait) threw into a `LoginError`. `during` names the step, e.g.
 * "CreateToken". The message keeps the exception's name and the service's short description, or what went wrong
 * on the way (a reset connection, a reply cut off, an unparseable reply), never the request. `secrets` are what
 * the call sent (client secret, device code, authorization code, code verifier): a service that quotes one back
 * gets it replaced by `[redacted]`.
 */
export function toLoginError(
  error: unknown,
  during: string,
  secrets: ReadonlyArray<string | undefined>,
): LoginError {
  if (error instanceof LoginError) return error;
  const fail = (code: LoginErrorCode, message: string): LoginError =>
    new LoginError(code, redactSecrets(message, secrets), { cause: error });
  const name = errorName(error);
  if (name === "AbortError") return abortedError(error);
  if (name === "ExpiredTokenException") return fail("AuthorizationExpired", AUTHORIZATION_EXPIRED_MESSAGE);
  if (name === "AccessDeniedException") {
    return fail(
      "AccessDenied",
      `IAM Identity Center denied the sign-in (${during}: AccessDeniedException${describe(error, secrets)}); check that your user may use this start URL, then start the login again`,
    );
  }
  const status = httpStatus(error);
  if (status !== undefined && !isNetworkFailure(error)) {
    if (status >= 200 && status < 300) {
      return fail(
        "InvalidResponse",
        `IAM Identity Center's ${during} reply could not be read (${describeError(error, secrets)}); start the login again`,
      );
    }
    return fail(
      "ServiceError",
      `IAM Identity Center refused ${during} (${name}${describe(error, secrets)}); check sso_start_url and sso_region, then start the login again`,
    );
  }
  return fail(
    "ServiceError",
    `the ${during} request to IAM Identity Center failed (${describeError(error, secrets)}); check the network and the SSO-OIDC endpoint, then start the login again`,
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

/** The HTTP status the service answered with; `undefined` when no answer arrived. */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata
    ?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/** A system error (`ECONNRESET`, ...): the connection failed, even after a status line had arrived. */
function isNetworkFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^E[A-Z0-9_]+$/.test(code);
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
