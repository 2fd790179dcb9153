/**
 * How the SDK's standard retry strategy classifies a failure (`@smithy/core/retry`): only `THROTTLING` and
 * `TRANSIENT` failures are retried.
 */
export type RetryErrorType = "THROTTLING" | "TRANSIENT" | "SERVER_ERROR" | "CLIENT_ERROR";

const THROTTLING_NAMES = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);
const TRANSIENT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

interface Failure {
  name: string;
  message: string;
  code: string | undefined;
  status: number | undefined;
  cause: unknown;
}

const read = (error: unknown): Failure => {
  const { name, message, code, $metadata, cause } = (
    typeof error === "object" && error !== null ? error : {}
  ) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    cause?: unknown;
  };
  const status = $metadata?.httpStatusCode;
  return {
    name: typeof name === "string" ? name : "",
    message: typeof message === "string" ? message : "",
    code: typeof code === "string" ? code : undefined,
    status: typeof status === "number" ? status : undefined,
    cause,
  };
};

const isTransient = (error: unknown, depth: number): boolean => {
  const { name, message, code, status, cause } = read(error);
  if (name === "AbortError") return false;
  return (
    TRANSIENT_NAMES.has(name) ||
    (code !== undefined && TRANSIENT_CODES.has(code)) ||
    (status !== undefined && TRANSIENT_STATUSES.has(status)) ||
    (name === "InvalidSignatureException" && message.includes("Signature expired")) ||
    (cause !== undefined && depth <= 10 && isTransient(cause, depth + 1))
  );
};

/** The class of `error` by the SDK's rules: status 429 or a throttling name, then transient names, codes and 5xx. */
export const retryErrorType = (error: unknown): RetryErrorType => {
  const { name, status } = read(error);
  if (status === 429 || THROTTLING_NAMES.has(name)) return "THROTTLING";
  if (isTransient(error, 0)) return "TRANSIENT";
  if (status !== undefined && status >= 500 && status <= 599) return "SERVER_ERROR";
  return "CLIENT_ERROR";
};
