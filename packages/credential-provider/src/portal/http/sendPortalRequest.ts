import type { IncomingMessage } from "node:http";
import { MAX_REPLY_BYTES, replyTooLarge } from "./MAX_REPLY_BYTES.js";
import type { PortalReply } from "./PortalReply.js";
import type { PortalRequest } from "./PortalRequest.js";
import { replyMetadata } from "./replyMetadata.js";

/** Errors whose codes the SDK's node handler renames `TimeoutError` (they stay retryable by their code). */
const TIMEOUT_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT"]);

const failure = (name: string, message: string, code?: string): Error =>
  Object.assign(new Error(message), { name }, code === undefined ? {} : { code });

/**
 * Sends one request over `node:http`/`node:https` (loaded on first use) and reads the whole reply, at most
 * {@link MAX_REPLY_BYTES}. Failures are the errors the SDK's node handler gives for the same events, so that
 * retries and `toPortalError` treat both transports alike: Node's network errors with their `code` (`ECONNRESET`,
 * `EPIPE` and `ETIMEDOUT` named `TimeoutError`), `TimeoutError` for the connection timeout, `TimeoutError` with
 * code `ETIMEDOUT` for the request timeout, and `aborted` (`ECONNRESET`) for a reply cut off. An error after the
 * status arrived carries `$metadata.httpStatusCode`, as the SDK's deserializer sets it.
 */
export const sendPortalRequest = async ({
  endpoint,
  path,
  headers,
  timeouts,
  logger,
}: PortalRequest): Promise<PortalReply> => {
  const { request } = endpoint.protocol === "https:" ? await import("node:https") : await import("node:http");
  return new Promise<PortalReply>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    let response: IncomingMessage | undefined;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      outcome();
    };
    const fail = (error: Error): void =>
      settle(() => {
        if (response !== undefined && !("$metadata" in error)) {
          Object.assign(error, { $metadata: replyMetadata(response.statusCode, response.headers) });
        }
        req.destroy();
        reject(error);
      });

    const hostname = endpoint.hostname.replace(/^\[(.*)\]$/, "$1");
    const req = request({ hostname, port: endpoint.port, path, method: "GET", headers }, (res) => {
      response = res;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) {
          fail(replyTooLarge());
        } else {
          chunks.push(chunk);
        }
      });
      res.on("end", () =>
        settle(() =>
          resolve({ status: res.statusCode ?? -1, headers: res.headers, body: Buffer.concat(chunks) }),
        ),
      );
      res.on("error", fail);
      res.on("close", () => {
        if (!res.complete) fail(failure("Error", "aborted", "ECONNRESET"));
      });
    });
    req.on("error", (error: Error & { code?: string }) => {
      if (error.code !== undefined && TIMEOUT_CODES.has(error.code)) error.name = "TimeoutError";
      fail(error);
    });

    const { connectionTimeout, requestTimeout, throwOnRequestTimeout } = timeouts;
    if (connectionTimeout > 0) {
      req.once("socket", (socket) => {
        if (!socket.connecting) return; // a kept-alive connection, already open
        const timer = setTimeout(
          () =>
            fail(
              failure(
                "TimeoutError",
                `no connection to ${endpoint.hostname} within ${connectionTimeout} ms (connectionTimeout)`,
              ),
            ),
          connectionTimeout,
        );
        timers.push(timer);
        socket.once("connect", () => clearTimeout(timer));
      });
    }
    if (requestTimeout > 0) {
      timers.push(
        setTimeout(() => {
          if (throwOnRequestTimeout) {
            fail(
              failure(
                "TimeoutError",
                `no complete reply from ${endpoint.hostname} within ${requestTimeout} ms (requestTimeout)`,
                "ETIMEDOUT",
              ),
            );
          } else {
            (logger ?? console).warn?.(
              `@sso-kit/credential-provider - GetRoleCredentials has taken more than the configured ` +
                `${requestTimeout} ms requestTimeout; still waiting. Set requestHandler.throwOnRequestTimeout ` +
                `to true to make this an error.`,
            );
          }
        }, requestTimeout),
      );
    }
    req.end();
  });
};
