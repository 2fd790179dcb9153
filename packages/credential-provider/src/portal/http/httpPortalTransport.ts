import type { Provider } from "@smithy/types";
import { nodeCrypto, redactSecrets } from "@sso-kit/token-provider/internal";
import type { PortalTransport } from "../PortalTransport.js";
import type { HttpPortalSettings } from "./HttpPortalSettings.js";
import { logPortalCall } from "./logPortalCall.js";
import type { PortalReply } from "./PortalReply.js";
import type { PortalRequest } from "./PortalRequest.js";
import { portalUserAgent } from "./portalUserAgent.js";
import { readPortalReply } from "./readPortalReply.js";
import { requestIdOf } from "./requestIdOf.js";
import { retryAfterMs } from "./retryAfterMs.js";
import { retryDelay } from "./retryDelay.js";
import { retryErrorType } from "./retryErrorType.js";
import { RetryQuota } from "./RetryQuota.js";
import { roleCredentialsPath } from "./roleCredentialsPath.js";
import { sendPortalRequest } from "./sendPortalRequest.js";
import { sendThroughRequestHandler } from "./sendThroughRequestHandler.js";

/** Attempts per call, the SDK's default (`AWS_MAX_ATTEMPTS` / `max_attempts` make the SDK client the transport). */
export const MAX_ATTEMPTS = 3;

const LOG = "@sso-kit/credential-provider -";

const resolveAppId = async (
  appId: string | Provider<string | undefined> | undefined,
): Promise<string | undefined> => {
  const value = typeof appId === "function" ? await appId() : appId;
  return value === undefined || value === null ? undefined : String(value);
};

/**
 * The final error of a call: the attempt count on it as the SDK's retry middleware puts it there, and the access
 * token redacted from its message (a portal or proxy may echo it back, and this error is logged and becomes the
 * `cause` of the provider's error; an SDK client would keep it as it came).
 */
const finalError = (
  error: unknown,
  attempts: number,
  totalRetryDelay: number,
  accessToken: string,
): unknown => {
  if (typeof error !== "object" || error === null) return error;
  const { $metadata, message } = error as { $metadata?: object; message?: unknown };
  if (typeof message === "string")
    (error as { message: string }).message = redactSecrets(message, [accessToken]);
  return Object.assign(error, { $metadata: { ...$metadata, attempts, totalRetryDelay } });
};

/** Name and status of a failed attempt, for the debug line: never its message (a portal may echo the token). */
const summary = (error: unknown): string => {
  const { name, $metadata } = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = $metadata?.httpStatusCode;
  return `${typeof name === "string" ? name : "Error"}${typeof status === "number" ? `, HTTP ${status}` : ""}`;
};

/**
 * GetRoleCredentials over `node:http(s)`, without `@aws-sdk/client-sso` (whose load alone costs more than a
 * cold start may): the request, retries and errors of the SDK's SSO client with a default configuration.
 *
 * - Request: `GET {endpoint}/federation/credentials?account_id=..&role_name=..` with `x-amz-sso_bearer_token`,
 *   `user-agent` (sso-kit, plus `app/<id>`), `amz-sdk-invocation-id` (one per call) and
 *   `amz-sdk-request: attempt=N; max=3`; in AWS Lambda, `X-Amzn-Trace-Id` from `_X_AMZN_TRACE_ID`.
 * - Retries: the standard strategy, 3 attempts, for throttling (429, throttling error names) and transient
 *   failures (500/502/503/504, timeouts, connection errors), full-jitter backoff honouring `Retry-After`, and the
 *   per-client retry budget ({@link RetryQuota}).
 * - Time limits per attempt ({@link HttpPortalSettings.timeouts}), which the SDK's handler lacks by default.
 * - Errors: the shapes the SDK throws (see `readPortalReply`, `sendPortalRequest`), with `$metadata.attempts`.
 * - Logging: the SDK client's line per call to the client's `logger` ({@link logPortalCall}), and a debug line
 *   per retried attempt.
 *
 * One transport stands for one SDK client: it holds that client's retry budget.
 */
export const httpPortalTransport = (settings: HttpPortalSettings): PortalTransport => {
  const quota = new RetryQuota();
  const { requestHandler } = settings;
  const send =
    requestHandler === undefined
      ? sendPortalRequest
      : (request: PortalRequest) => sendThroughRequestHandler(requestHandler, request);
  return async (accountId, roleName, accessToken) => {
    const appId = await resolveAppId(settings.userAgentAppId);
    const headers: Record<string, string> = {
      "x-amz-sso_bearer_token": accessToken,
      "user-agent": portalUserAgent(appId),
      "amz-sdk-invocation-id": nodeCrypto().randomUUID(),
    };
    const { AWS_LAMBDA_FUNCTION_NAME: lambda, _X_AMZN_TRACE_ID: traceId } = process.env;
    if (lambda && traceId) headers["x-amzn-trace-id"] = traceId;
    const path = roleCredentialsPath(settings.endpoint, accountId, roleName);
    let lastRetryCost: number | undefined;
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt += 1) {
      let reply: PortalReply | undefined;
      let output: unknown;
      try {
        reply = await send({
          endpoint: settings.endpoint,
          path,
          headers: { ...headers, "amz-sdk-request": `attempt=${attempt}; max=${MAX_ATTEMPTS}` },
          timeouts: settings.timeouts,
          logger: settings.logger,
        });
        output = readPortalReply(reply);
      } catch (error) {
        const type = retryErrorType(error);
        const retryable = type === "THROTTLING" || type === "TRANSIENT";
        const cost = retryable && attempt < MAX_ATTEMPTS ? quota.take(type) : undefined;
        if (cost === undefined) {
          const final = finalError(error, attempt, totalRetryDelay, accessToken);
          logPortalCall(settings.logger, { accountId, roleName }, { error: final });
          throw final;
        }
        const retryAfter = reply === undefined ? undefined : retryAfterMs(reply.headers);
        const delay = retryDelay(type, attempt - 1, retryAfter);
        settings.logger?.debug?.(
          `${LOG} GetRoleCredentials attempt ${attempt} of ${MAX_ATTEMPTS} failed (${summary(error)}); ` +
            `retrying in ${delay} ms.`,
        );
        lastRetryCost = cost;
        totalRetryDelay += delay;
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      quota.recordSuccess(lastRetryCost);
      const metadata = {
        httpStatusCode: reply.status,
        requestId: requestIdOf(reply.headers),
        attempts: attempt,
        totalRetryDelay,
      };
      logPortalCall(settings.logger, { accountId, roleName }, { output, metadata });
      return output;
    }
  };
};
