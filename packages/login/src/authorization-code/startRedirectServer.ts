import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import type { Logger } from "@smithy/types";

import { LoginError } from "../LoginError.js";
import { callbackPage, type CallbackOutcome } from "./callbackPage.js";

/** The path the authorization server redirects the browser to (as registered: `http://127.0.0.1/oauth/callback`). */
export const CALLBACK_PATH = "/oauth/callback";

/** Options of {@link startRedirectServer}. */
export interface RedirectServerOptions {
  /**
   * The `state` sent in the authorize URL. A callback carrying any other value (or none) is answered 400 and
   * ignored: any local process can send one, and it must not be able to end the sign-in waiting here.
   */
  state: string;
  /** Where to report ignored requests (wrong path, host or method). */
  logger?: Logger;
}

/** A running loopback redirect server (RFC 8252 §7.3). */
export interface RedirectServer {
  /** `http://127.0.0.1:<port>/oauth/callback`: the `redirect_uri` to send, port included. */
  readonly redirectUri: string;
  /** The ephemeral port the server listens on. */
  readonly port: number;
  /**
   * Settles on the first callback with the right `state`: the authorization code, or a `LoginError`
   * (`AccessDenied`, `ServiceError`, `InvalidResponse`). Settles only after the browser has its page.
   */
  readonly code: Promise<string>;
  /**
   * Stops listening; lets a response in flight reach the browser, then (within a second) drops every
   * connection. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** How long `close` lets a connection still in use finish before cutting it. */
const FORCE_CLOSE_AFTER_MS = 1_000;

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  Connection: "close",
} as const;

/**
 * Starts the loopback HTTP server that receives the authorization code: bound to 127.0.0.1 only (never all
 * interfaces, unlike the AWS CLI) on an ephemeral port. It answers the first `GET /oauth/callback` with a
 * small page and settles `code`; requests for other paths, methods or hosts (a DNS-rebinding page would send
 * its own host name), and callbacks without this login's `state` (whether they carry a code or an `error`),
 * are answered with an error status and do not end the login: it goes on until the real callback or its deadline.
 */
export async function startRedirectServer(options: RedirectServerOptions): Promise<RedirectServer> {
  const { state, logger } = options;
  let port = 0;
  let settled = false;
  let settle!: { resolve: (code: string) => void; reject: (error: LoginError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may stop waiting (timeout, abort) before a callback arrives; never leave a rejection unobserved.
  code.catch(() => undefined);

  const server = createServer((request, response) => {
    const outcome = handle(request);
    if (outcome.kind === "ignored") {
      logger?.debug?.(
        `sso-kit login: loopback server ignored a request (${outcome.status}${outcome.status === 400 ? ": wrong host or state" : ""})`,
      );
      response.writeHead(outcome.status, {
        "Content-Type": "text/plain; charset=utf-8",
        Connection: "close",
      });
      response.end(`${outcome.status}\n`);
      return;
    }
    settled = true;
    const page: CallbackOutcome = outcome.kind === "code" ? "signed-in" : "failed";
    response.once("close", () =>
      outcome.kind === "code" ? settle.resolve(outcome.code) : settle.reject(outcome.error),
    );
    response.writeHead(outcome.kind === "code" ? 200 : 400, PAGE_HEADERS);
    response.end(callbackPage(page));
  });

  function handle(
    request: IncomingMessage,
  ):
    | { kind: "ignored"; status: number }
    | { kind: "code"; code: string }
    | { kind: "error"; error: LoginError } {
    if (request.headers.host !== `127.0.0.1:${port}`) return { kind: "ignored", status: 400 };
    const url = new URL(request.url ?? "/", `http://127.0.0.1:${port}`);
    if (url.pathname !== CALLBACK_PATH) return { kind: "ignored", status: 404 };
    if (request.method !== "GET") return { kind: "ignored", status: 405 };
    if (settled) return { kind: "ignored", status: 409 };
    // Checked before anything else in the query: a callback for another sign-in (or a forged one) is not ours.
    if (url.searchParams.get("state") !== state) return { kind: "ignored", status: 400 };
    return readCallback(url.searchParams);
  }

  // Connections that have not sent a request yet (browsers open spare ones ahead of time): `close` drops
  // them at once, while a connection that carried a response is left to finish sending it.
  const unused = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    unused.add(socket);
    socket.once("close", () => unused.delete(socket));
  });
  server.on("request", (request: IncomingMessage) => unused.delete(request.socket));
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    port,
    code,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        // Graceful first, so the browser receives the whole page; a connection still busy after a moment
        // (a stalled or hostile client) is cut, so closing is always bounded.
        const force = setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
        for (const socket of unused) socket.destroy();
      });
      return closing;
    },
  };
}

/** What a callback carrying this login's `state` says, checked in the order the AWS CLI checks it. */
function readCallback(
  params: URLSearchParams,
): { kind: "code"; code: string } | { kind: "error"; error: LoginError } {
  const error = params.get("error");
  if (error !== null) {
    const name = error.replace(/[^\w.-]/g, "").slice(0, 64) || "unknown";
    return {
      kind: "error",
      error:
        name === "access_denied"
          ? new LoginError(
              "AccessDenied",
              "the sign-in was denied in the browser (access_denied); start the login again and choose Allow",
            )
          : new LoginError(
              "ServiceError",
              `the authorization failed in the browser (${name}); start the login again`,
            ),
    };
  }
  const code = params.get("code");
  if (!code) {
    return {
      kind: "error",
      error: new LoginError(
        "InvalidResponse",
        "Failed to retrieve an authorization code: the browser came back without one; start the login again",
      ),
    };
  }
  return { kind: "code", code };
}
