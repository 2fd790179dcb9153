import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";
import { MAX_REPLY_BYTES, replyTooLarge } from "./MAX_REPLY_BYTES.js";
import type { PortalReply } from "./PortalReply.js";
import type { PortalRequest } from "./PortalRequest.js";
import { replyMetadata } from "./replyMetadata.js";

/** An SDK request handler (`NodeHttpHandler`, `NodeHttp2Handler`, a proxying handler...): what SDK clients send with. */
export type PortalRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

/** Whether `value` is a request handler instance (rather than options for the SDK to build one from). */
export const isRequestHandler = (value: unknown): value is PortalRequestHandler =>
  typeof (value as { handle?: unknown } | null | undefined)?.handle === "function";

/** The whole body, however the handler gives it (a Node stream, a web stream, bytes, text or nothing). */
const readBody = async (body: unknown): Promise<Buffer> => {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string" || body instanceof Uint8Array) {
    const bytes = Buffer.from(body);
    if (bytes.length > MAX_REPLY_BYTES) throw replyTooLarge();
    return bytes;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_REPLY_BYTES) {
      (body as { destroy?: () => void }).destroy?.();
      throw replyTooLarge();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
};

/**
 * Sends one request through `handler` and reads the whole reply, at most {@link MAX_REPLY_BYTES}: the request
 * the SDK's SSO client would hand the same handler (so its proxy, TLS, keep-alive and time-limit settings apply,
 * as when `fromSSO` is an SDK client's `credentials` and gets that client's handler). The handler's errors are
 * the SDK's own (`TimeoutError`, Node's network errors with their `code`); one while reading the body carries
 * `$metadata.httpStatusCode`, as `sendPortalRequest`'s do. Used instead of
 * `sendPortalRequest` when the caller has a handler (see `HttpPortalSettings.requestHandler`).
 */
export const sendThroughRequestHandler = async (
  handler: PortalRequestHandler,
  { endpoint, path, headers }: PortalRequest,
): Promise<PortalReply> => {
  const [pathname = "/", search = ""] = path.split("?");
  const request: HttpRequest = {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port !== undefined && { port: endpoint.port }),
    method: "GET",
    path: pathname,
    query: Object.fromEntries(new URLSearchParams(search)),
    headers: {
      ...headers,
      host: endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`,
    },
  };
  const { response } = await handler.handle(request);
  const replyHeaders = Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  try {
    return { status: response.statusCode, headers: replyHeaders, body: await readBody(response.body) };
  } catch (error) {
    throw Object.assign(error as Error, { $metadata: replyMetadata(response.statusCode, replyHeaders) });
  }
};
