/**
 * What a failed call to IAM Identity Center means for the user, whatever the operation:
 * - `service`: the service failed or could not be reached (5xx, 429, a timeout, a reset or refused connection, a
 *   reply cut off or unreadable): nothing is wrong on the user's side; try again.
 * - `misconfigured`: something answered that is not the IAM Identity Center API (a redirect, an HTML page): the
 *   endpoint URL (region, `AWS_ENDPOINT_URL_*`, `endpoint_url`) points at the wrong place.
 * - `refused`: the service answered the request with a 4xx error of its own (an exception of the operation's
 *   model): the caller decides what it means (an ended session, a denied sign-in, ...).
 */
export type ServiceFailureKind = "service" | "misconfigured" | "refused";

/** See {@link classifyServiceFailure}. */
export interface ServiceFailure {
  readonly kind: ServiceFailureKind;
  /** The HTTP status of the reply, when one arrived. */
  readonly status?: number;
  /** `HTTP 503`, or `no complete reply` when none arrived: for messages, which always say which it was. */
  readonly statusText: string;
  /** Why it is `misconfigured`, for messages: `a redirect (HTTP 302)`, `an HTML page (HTTP 200)`. */
  readonly answer?: string;
}

/** Error names for a call that ran out of time. */
const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

/**
 * Sorts what an SDK client (or the lean portal transport) threw, by its typed fields only (`$metadata`,
 * `$response`, `$fault`, `name`, `code`), never by its wording.
 */
export function classifyServiceFailure(error: unknown): ServiceFailure {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $response?: { statusCode?: unknown; headers?: Record<string, unknown> };
  };
  const status =
    numberOrUndefined(fields.$metadata?.httpStatusCode) ?? numberOrUndefined(fields.$response?.statusCode);
  const statusText = status === undefined ? "no complete reply" : `HTTP ${status}`;
  const contentType = headerOf(fields.$response?.headers, "content-type");
  const base = status === undefined ? { statusText } : { status, statusText };
  if (status !== undefined && status >= 300 && status < 400) {
    return { kind: "misconfigured", ...base, answer: `a redirect (${statusText})` };
  }
  if (contentType !== undefined && /^\s*text\/html\b/i.test(contentType)) {
    return { kind: "misconfigured", ...base, answer: `an HTML page (${statusText})` };
  }
  const systemError = typeof fields.code === "string" && /^E[A-Z0-9_]+$/.test(fields.code);
  const timedOut = typeof fields.name === "string" && TIMEOUT_NAMES.has(fields.name);
  if (status === undefined || systemError || timedOut) return { kind: "service", ...base };
  if (status >= 500 || status === 429 || (status >= 200 && status < 300)) return { kind: "service", ...base };
  return { kind: "refused", ...base };
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (headers === undefined || typeof headers !== "object") return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}
