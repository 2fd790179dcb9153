/**
 * What a failed call to IAM Identity Center (the portal, SSO-OIDC) or STS means for the user, whatever the
 * operation:
 * - `service`: the service failed or could not be reached (5xx, 429, a timeout, a reset or refused connection, a
 *   reply cut off or unreadable): nothing is wrong on the user's side; try again.
 * - `misconfigured`: something answered that is not the AWS API (a redirect, an HTML page): the endpoint URL
 *   (region, `AWS_ENDPOINT_URL_*`, `endpoint_url`) points at the wrong place.
 * - `refused`: the service answered the request with a 4xx error of its own (an exception of the operation's
 *   model): the caller decides what it means (an ended session, a denied sign-in, ...).
 */
export type ServiceFailureKind = "service" | "misconfigured" | "refused";

/** See {@link classifyServiceFailure}. */
export interface ServiceFailure {
  readonly kind: ServiceFailureKind;
  /** The error's name: the service's exception (`InvalidGrantException`, ...) or the client's (`TimeoutError`). */
  readonly name: string;
  /** The HTTP status of the reply, when one arrived. */
  readonly status?: number;
  /** `HTTP 503`, or `no complete reply` when none arrived: for messages, which always say which it was. */
  readonly statusText: string;
  /** Why it is `misconfigured`, for messages: `a redirect (HTTP 302)`, `an HTML page (HTTP 200)`. */
  readonly answer?: string;
  /** The redirect's target (`location`), for messages that name where the endpoint sends callers. */
  readonly location?: string;
  /** How many attempts the SDK client made, when it says (its retries are over when the error arrives). */
  readonly attempts?: number;
  /** The error went through an SDK client's middleware (it carries `$metadata`, even without a reply). */
  readonly fromSdk: boolean;
  /** A system error code (`ECONNRESET`, `ETIMEDOUT`, ...): the connection failed. */
  readonly systemCode?: string;
  /** The call ran out of time (the HTTP handler's timeouts, or the bounded handler's whole-attempt deadline). */
  readonly timedOut: boolean;
  /** The service is throttling (429, or a throttling exception of the portal, SSO-OIDC or STS). */
  readonly throttled: boolean;
}

/** Error names for a call that ran out of time. */
const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

/** The throttling exceptions of the SSO portal, SSO-OIDC (`SlowDownException`) and STS. */
const THROTTLING_NAMES = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "SlowDownException",
]);

const SYSTEM_CODE = /^E[A-Z0-9_]+$/;

/**
 * Sorts what an SDK client threw, by its typed fields only (`$metadata`, `$response`, `name`, `code`), never by its
 * wording. Duck-typed rather than `instanceof`: any thrown value may arrive, and an error of another realm (a
 * worker, a vm context, another copy of the SDK) says the same. Every sso-kit error vocabulary (the token
 * provider's, the credential provider's, sign-in's, the CLI's) reads failed calls through this one function.
 */
export function classifyServiceFailure(error: unknown): ServiceFailure {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown; attempts?: unknown };
    $response?: { statusCode?: unknown; headers?: Record<string, unknown> };
  };
  const metadata = typeof fields.$metadata === "object" && fields.$metadata !== null ? fields.$metadata : {};
  const status =
    integerOrUndefined(metadata.httpStatusCode) ?? integerOrUndefined(fields.$response?.statusCode);
  const attempts = integerOrUndefined(metadata.attempts);
  const name = typeof fields.name === "string" && fields.name !== "" ? fields.name : "Error";
  const systemCode =
    typeof fields.code === "string" && SYSTEM_CODE.test(fields.code) ? fields.code : undefined;
  const location = headerOf(fields.$response?.headers, "location");
  const contentType = headerOf(fields.$response?.headers, "content-type");
  const statusText = status === undefined ? "no complete reply" : `HTTP ${status}`;
  const facts = {
    name,
    ...(status !== undefined && { status }),
    statusText,
    ...(attempts !== undefined && { attempts }),
    fromSdk: fields.$metadata !== undefined,
    ...(systemCode !== undefined && { systemCode }),
    timedOut: TIMEOUT_NAMES.has(name) || systemCode === "ETIMEDOUT",
    throttled: THROTTLING_NAMES.has(name) || status === 429,
  };
  if (status !== undefined && status >= 300 && status < 400) {
    const redirect = { kind: "misconfigured", ...facts, answer: `a redirect (${statusText})` } as const;
    return location === undefined ? redirect : { ...redirect, location };
  }
  if (contentType !== undefined && /^\s*text\/html\b/i.test(contentType)) {
    return { kind: "misconfigured", ...facts, answer: `an HTML page (${statusText})` };
  }
  if (status === undefined || facts.systemCode !== undefined || facts.timedOut || facts.throttled) {
    return { kind: "service", ...facts };
  }
  if (status >= 500 || (status >= 200 && status < 300)) return { kind: "service", ...facts };
  return { kind: "refused", ...facts };
}

function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (headers === undefined || typeof headers !== "object" || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}
