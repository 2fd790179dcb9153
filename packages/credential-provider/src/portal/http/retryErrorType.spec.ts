import { retryErrorType } from "./retryErrorType.js";

const error = (fields: object) => Object.assign(new Error("m"), fields);
const status = (httpStatusCode: number, name = "Unknown") => error({ name, $metadata: { httpStatusCode } });

test.each<[string, unknown, string]>([
  ["HTTP 429", status(429), "THROTTLING"],
  ["TooManyRequestsException", status(400, "TooManyRequestsException"), "THROTTLING"],
  ["ThrottlingException", status(400, "ThrottlingException"), "THROTTLING"],
  ["SlowDown", status(503, "SlowDown"), "THROTTLING"],
  ["HTTP 500", status(500), "TRANSIENT"],
  ["HTTP 502", status(502), "TRANSIENT"],
  ["HTTP 503", status(503), "TRANSIENT"],
  ["HTTP 504", status(504), "TRANSIENT"],
  ["TimeoutError", error({ name: "TimeoutError" }), "TRANSIENT"],
  ["RequestTimeoutException", status(400, "RequestTimeoutException"), "TRANSIENT"],
  ...[
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN",
  ].map((code): [string, unknown, string] => [code, error({ code }), "TRANSIENT"]),
  ["a transient cause", error({ cause: error({ code: "ECONNRESET" }) }), "TRANSIENT"],
  [
    "an expired signature",
    error({ name: "InvalidSignatureException", message: "Signature expired: x" }),
    "TRANSIENT",
  ],
  ["an abort, whatever its code", error({ name: "AbortError", code: "ECONNRESET" }), "CLIENT_ERROR"],
  ["HTTP 501", status(501), "SERVER_ERROR"],
  ["HTTP 505", status(505), "SERVER_ERROR"],
  ["HTTP 400", status(400, "InvalidRequestException"), "CLIENT_ERROR"],
  ["HTTP 401", status(401, "UnauthorizedException"), "CLIENT_ERROR"],
  ["a malformed 200", error({ name: "SyntaxError", $metadata: { httpStatusCode: 200 } }), "CLIENT_ERROR"],
  ["ECONNABORTED", error({ code: "ECONNABORTED" }), "CLIENT_ERROR"],
  ["not an error", "boom", "CLIENT_ERROR"],
])("%s: %s", (_, failure, type) => {
  expect(retryErrorType(failure)).toBe(type);
});
