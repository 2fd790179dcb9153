import { classifyServiceFailure } from "../http/classifyServiceFailure.js";
import { describeError } from "../provider/describeError.js";
import { OidcCallError, type OidcCallFailure } from "./OidcCallError.js";

/** Where a failed call went and what it held. */
export interface OidcCallContext {
  /** The SSO-OIDC operation, e.g. `CreateToken`. */
  operation: string;
  /** The URL the request went to, when known. */
  url?: string | undefined;
  /** What the call sent (refresh token, client secret, ...): never repeated in the message. */
  secrets: ReadonlyArray<string | undefined>;
  /** The call's own deadline fired, in ms: the service did not answer within it. */
  timedOutAfterMs?: number | undefined;
}

/**
 * SSO-OIDC's exceptions that reject the grant or the client: signing in again (a new refresh token, a new client
 * registration) is the fix. `SlowDownException` and `AuthorizationPendingException` are not among them.
 */
const SESSION_ENDED = new Set([
  "InvalidGrantException",
  "InvalidClientException",
  "UnauthorizedClientException",
  "ExpiredTokenException",
  "AccessDeniedException",
  "InvalidScopeException",
  "InvalidRequestException",
  "InvalidRequestRegionException",
  "UnsupportedGrantTypeException",
  "InvalidClientMetadataException",
  "InvalidRedirectUriException",
]);

/** SSO-OIDC's exceptions that say nothing about the session when a refresh gets them: a service anomaly. */
const SERVICE_ANOMALY = new Set(["AuthorizationPendingException"]);

/** A redirect target without its query and fragment, which may carry anything. */
const withoutQuery = (location: string): string => location.replace(/[?#][\s\S]*$/, "");

/**
 * Classifies a failed SSO-OIDC call (what an SDK client's `send` threw) as one of three things, in an
 * {@link OidcCallError} whose message names the operation, the URL where that helps, and the HTTP status:
 *
 * - `Misconfigured`: a redirect (3xx, not followed), an HTML page, or a 4xx that is not an SSO-OIDC exception:
 *   the endpoint is not SSO-OIDC (a wrong region or endpoint override, a proxy in the way).
 * - `SessionEnded`: an SSO-OIDC exception that rejects the grant or the client (`InvalidGrantException`, ...).
 * - `ServiceUnavailable`: everything else: 5xx, throttling, timeouts, network failures, replies that were cut
 *   off or cannot be read. None of it says anything about the session.
 */
export const toOidcCallError = (error: unknown, context: OidcCallContext): OidcCallError => {
  if (error instanceof OidcCallError) return error;
  const read = classifyServiceFailure(error);
  const { status, attempts, location, systemCode, timedOut, throttled } = read;
  // An error without a name of its own is not a service exception.
  const name = read.name === "Error" ? "" : read.name;
  const { operation, url, secrets } = context;
  const said = describeError(error, secrets);
  const failure: OidcCallFailure = {
    reason: "ServiceUnavailable",
    operation,
    ...(status !== undefined && { status }),
    ...(attempts !== undefined && { attempts }),
    ...(url !== undefined && { url }),
  };
  const call = `SSO-OIDC ${operation}`;
  const at = `${call}${url === undefined ? "" : ` at ${url}`}`;
  const tries = attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : "";
  const make = (message: string, changes: Partial<OidcCallFailure> = {}) =>
    new OidcCallError(message, { ...failure, ...changes }, { cause: error });

  if (read.kind === "misconfigured" && status !== undefined && status >= 300 && status < 400) {
    const target = location === undefined ? "" : ` to ${withoutQuery(location)}`;
    return make(
      `${at} answered HTTP ${status}, a redirect${target}: SSO-OIDC never redirects, so that endpoint is not SSO-OIDC`,
      { reason: "Misconfigured" },
    );
  }
  if (read.kind === "misconfigured" && status !== undefined) {
    return make(
      `${at} answered HTTP ${status} with an HTML page instead of SSO-OIDC's JSON, so that endpoint is not SSO-OIDC`,
      { reason: "Misconfigured" },
    );
  }
  if (SESSION_ENDED.has(name)) {
    return make(`${call} rejected the request (HTTP ${status ?? "error"}, ${said})`, {
      reason: "SessionEnded",
      exception: name,
    });
  }
  if (throttled) {
    return make(`${call} is throttling requests (HTTP ${status ?? 429}${tries}, ${said})`, {
      ...(name !== "" && { exception: name }),
    });
  }
  if (SERVICE_ANOMALY.has(name)) {
    return make(`${call} failed (HTTP ${status ?? "error"}, ${said})`, { exception: name });
  }
  if (context.timedOutAfterMs !== undefined) {
    const seconds = Math.round(context.timedOutAfterMs / 1000);
    return make(`${call} did not answer within ${seconds} s${tries} (${said})`);
  }
  if (timedOut && (status === undefined || status < 300)) {
    return make(`${call} did not answer in time${tries} (${said})`);
  }
  if (systemCode !== undefined || status === undefined) {
    const got = status === undefined ? "" : ` (HTTP ${status})`;
    return make(`${call} failed${got}${tries}: ${said}`);
  }
  if (status >= 500 || status === 408) {
    return make(`${call} answered HTTP ${status}${tries} (${said})`, {
      ...(name !== "" && { exception: name }),
    });
  }
  if (status >= 200 && status < 300) {
    return make(`${call} answered HTTP ${status} with a reply that cannot be read (${said})`);
  }
  return make(
    `${at} answered HTTP ${status} (${said}), which is not an SSO-OIDC exception, so that endpoint is not SSO-OIDC`,
    { reason: "Misconfigured" },
  );
};
