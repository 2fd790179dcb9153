import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from "@smithy/types";
import { formatTimestamp } from "@sso-kit/token-provider/internal";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The one path credentials are served on. */
export const CREDENTIALS_PATH = "/credentials";

/** Connections served at once: the clients are a few local tools, and a flood must not exhaust this process. */
const MAX_CONNECTIONS = 64;
/** A client has this long to send its request headers, and its whole request. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Idle keep-alive connections are closed after this long. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Options of {@link startCredentialServer}. */
export interface CredentialServerInit {
  /** Where the credentials come from; called for every authorized request (it memoizes and refreshes). */
  readonly credentials: AwsCredentialIdentityProvider;
  /** The value clients must send in the `Authorization` header (`AWS_CONTAINER_AUTHORIZATION_TOKEN`). */
  readonly token: string;
  /** Address to listen on. */
  readonly host: string;
  /** Port to listen on; 0 for any free port. */
  readonly port: number;
  /** Receives one debug line per request (never a credential or the token) and a warning per failure. */
  readonly logger: Logger;
  /** Turns a failure of `credentials` into one line without secrets. */
  readonly describeFailure: (error: unknown) => string;
}

/** A running {@link startCredentialServer}. */
export interface CredentialServer {
  /** `http://host:port/credentials`: the value of `AWS_CONTAINER_CREDENTIALS_FULL_URI`. */
  readonly url: string;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Serves role credentials over HTTP the way the ECS / EKS container credential endpoints do, which the AWS SDKs
 * and the AWS CLI read when `AWS_CONTAINER_CREDENTIALS_FULL_URI` and `AWS_CONTAINER_AUTHORIZATION_TOKEN` are set:
 * `GET /credentials` with the token as the `Authorization` header answers
 * `{AccessKeyId, SecretAccessKey, Token, Expiration, AccountId}`. A missing token gets 401, a wrong one 403, any
 * other path 404 and any other method 405; request bodies are never read.
 */
export async function startCredentialServer(init: CredentialServerInit): Promise<CredentialServer> {
  const { logger } = init;
  const expected = digest(init.token);
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      logger.warn(`credential request failed: ${init.describeFailure(error)}`);
      if (!response.headersSent) reply(response, 500, { Code: "InternalError", Message: "internal error" });
      else response.destroy();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.maxHeadersCount = 100;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    request.resume(); // the body, if any, is discarded unread
    const status = check(request, expected);
    logger.debug(`${JSON.stringify(request.method ?? "")} ${JSON.stringify(pathOf(request))}: ${status}`);
    if (status === 401)
      return reply(response, 401, { Code: "Unauthorized", Message: "missing Authorization" });
    if (status === 403) return reply(response, 403, { Code: "Forbidden", Message: "wrong Authorization" });
    if (status === 404) return reply(response, 404, { Code: "NotFound", Message: `use ${CREDENTIALS_PATH}` });
    if (status === 405) {
      response.setHeader("Allow", "GET");
      return reply(response, 405, { Code: "MethodNotAllowed", Message: "use GET" });
    }
    let identity: AwsCredentialIdentity;
    try {
      identity = await init.credentials();
    } catch (error) {
      const message = init.describeFailure(error);
      logger.warn(`could not get credentials: ${message}`);
      return reply(response, 500, { Code: "CredentialsUnavailable", Message: message });
    }
    if (identity.sessionToken === undefined || identity.expiration === undefined) {
      return reply(response, 500, { Code: "CredentialsUnavailable", Message: "no session token or expiry" });
    }
    reply(response, 200, {
      AccessKeyId: identity.accessKeyId,
      SecretAccessKey: identity.secretAccessKey,
      Token: identity.sessionToken,
      Expiration: formatTimestamp(identity.expiration),
      ...(identity.accountId !== undefined && { AccountId: identity.accountId }),
    });
  };

  await listen(server, init.host, init.port);
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}${CREDENTIALS_PATH}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The status the request gets before any credential is looked at: 200 when it may have them. */
function check(request: IncomingMessage, expected: Buffer): 200 | 401 | 403 | 404 | 405 {
  const authorization = request.headers.authorization;
  if (authorization === undefined || authorization === "") return 401;
  // Equal-length digests, compared in constant time: neither the token nor its length leaks through timing.
  if (!timingSafeEqual(digest(authorization), expected)) return 403;
  if (pathOf(request) !== CREDENTIALS_PATH) return 404;
  if (request.method !== "GET") return 405;
  return 200;
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify(body));
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
