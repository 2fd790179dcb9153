import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";
import { AttemptDeadlineError } from "./AttemptDeadlineError.js";
import { ReplyTooLargeError } from "./ReplyTooLargeError.js";

/** What an SDK client asks of its `requestHandler` (the shape of `NodeHttpHandler`). */
export interface SdkHttpHandler extends RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): object;
}

/** The bounds {@link BoundedHttpHandler} adds to the handler it wraps. */
export interface ReplyBounds {
  /**
   * Milliseconds one attempt may take in all (connecting, the reply's headers and its whole body). Unset: the
   * wrapped handler's own `connectionTimeout + requestTimeout` (as its `httpHandlerConfigs()` reports them) when
   * that is longer than `minimumDeadlineMs`, else `minimumDeadlineMs`.
   */
  deadlineMs?: number;
  /** The deadline when `deadlineMs` is unset and the wrapped handler reports no longer limits. */
  minimumDeadlineMs: number;
  /** Bytes a reply body may have. */
  maxReplyBytes: number;
}

/** A reply body the SDK would read as a stream (Node's `IncomingMessage`, or a caller's handler's stream). */
interface ReplyStream {
  on(event: "data", listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  destroy(): unknown;
}

const isStream = (body: unknown): body is ReplyStream =>
  typeof (body as { on?: unknown } | null | undefined)?.on === "function" &&
  typeof (body as { destroy?: unknown }).destroy === "function";

const byteLengthOf = (body: unknown): number =>
  typeof body === "string"
    ? Buffer.byteLength(body)
    : ((body as { byteLength?: number } | undefined)?.byteLength ?? 0);

/**
 * The whole of `body`, or a failure: the reply grew over `maxReplyBytes`, ended before it was complete, or was
 * stopped (through `onStop`, by the deadline). A failed reply is destroyed, and with it its connection.
 */
const readWhole = (
  body: ReplyStream,
  maxReplyBytes: number,
  what: string,
  onStop: (stop: (error: Error) => void) => void,
): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      body.destroy();
      reject(error);
    };
    onStop(fail);
    body.on("data", (chunk) => {
      const bytes =
        typeof chunk === "string"
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      seen += bytes.length;
      if (seen > maxReplyBytes) fail(tooLarge(what, maxReplyBytes));
      else chunks.push(bytes);
    });
    body.on("end", () => {
      settled = true;
      resolve(Buffer.concat(chunks, seen));
    });
    body.on("error", fail);
    body.on("close", () =>
      fail(
        Object.assign(new Error(`the reply to ${what} ended before it was complete`), { code: "ECONNRESET" }),
      ),
    );
  });

const headerOf = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** `POST https://host/path`: what the errors name (never the query, which may carry values). */
const describeRequest = ({ method, protocol, hostname, port, path }: HttpRequest): string =>
  `${method} ${protocol}//${hostname}${port === undefined ? "" : `:${port}`}${path}`;

const numberOf = (value: unknown): number => (typeof value === "number" && value > 0 ? value : 0);

/** Ties `signal` (the caller's) to `controller`; returns how to untie it. */
const follow = (signal: HttpHandlerOptions["abortSignal"], controller: AbortController): (() => void) => {
  if (signal === undefined) return () => undefined;
  const abort = () => controller.abort((signal as { reason?: unknown }).reason);
  if (signal.aborted) abort();
  if (typeof (signal as AbortSignal).addEventListener !== "function") return () => undefined;
  (signal as AbortSignal).addEventListener("abort", abort, { once: true });
  return () => (signal as AbortSignal).removeEventListener("abort", abort);
};

/**
 * An SDK `requestHandler` that bounds every attempt of the handler it wraps (the SDK's own `NodeHttpHandler`,
 * or the caller's): a whole-attempt deadline, from sending the request to the reply's last byte, and a reply-size
 * cap, checked against `content-length` before any body is read and counted as the body arrives. The reply body
 * is read whole before `handle()` returns (sso-kit's calls all have small JSON or XML replies), so the SDK gets a
 * complete reply or an error. The SDK's retries run on top: a deadline fails with {@link AttemptDeadlineError},
 * which the SDK retries as a timeout; a reply cut off fails with `ECONNRESET`, retried as a reset connection; a
 * reply over the cap fails with {@link ReplyTooLargeError}, which it does not retry.
 *
 * Build it with `boundedRequestHandler`, which also loads `NodeHttpHandler` only when the first request is sent.
 */
export class BoundedHttpHandler implements SdkHttpHandler {
  readonly metadata = { handlerProtocol: "http/1.1" };
  private inner: SdkHttpHandler | undefined;
  private readonly make: (() => Promise<SdkHttpHandler>) | undefined;
  private loading: Promise<SdkHttpHandler> | undefined;
  /** `updateHttpClientConfig` calls made before the wrapped handler was loaded (the SDK client makes them). */
  private readonly updates: Array<[never, never]> = [];

  constructor(
    /** The wrapped handler, or how to make it on the first request. */
    source: SdkHttpHandler | (() => Promise<SdkHttpHandler>),
    readonly bounds: ReplyBounds,
  ) {
    if (typeof source === "function") this.make = source;
    else this.inner = source;
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const inner = this.inner ?? (await this.load());
    const what = describeRequest(request);
    const deadlineMs = this.deadlineOf(inner);
    const { maxReplyBytes } = this.bounds;
    const controller = new AbortController();
    const unfollow = follow(options.abortSignal, controller);
    let expired = false;
    let onDeadline = () => controller.abort();
    const timer = setTimeout(() => {
      expired = true;
      onDeadline();
    }, deadlineMs);
    // The socket keeps a process alive while a request is under way; this timer alone need not.
    timer.unref();
    try {
      let output: { response: HttpResponse };
      try {
        output = await inner.handle(request, { ...options, abortSignal: controller.signal });
      } catch (error) {
        throw expired ? new AttemptDeadlineError(what, deadlineMs) : error;
      }
      const { response } = output;
      const { body } = response as { body: unknown };
      if (!isStream(body)) {
        if (byteLengthOf(body) > maxReplyBytes) throw tooLarge(what, maxReplyBytes);
        return output;
      }
      if (Number(headerOf(response.headers, "content-length")) > maxReplyBytes) {
        body.destroy();
        throw tooLarge(what, maxReplyBytes);
      }
      // Every reply sso-kit asks for is a small JSON or XML document, which the SDK reads whole anyway: reading it
      // here, within the deadline and the cap, bounds the attempt from its start to its last byte, and costs less
      // than a counting stream in between.
      response.body = await readWhole(body, maxReplyBytes, what, (stop) => {
        onDeadline = () => stop(new AttemptDeadlineError(what, deadlineMs));
      });
      return output;
    } finally {
      clearTimeout(timer);
      unfollow();
    }
  }

  updateHttpClientConfig(key: never, value: never): void {
    if (this.inner === undefined) this.updates.push([key, value]);
    else this.inner.updateHttpClientConfig?.(key, value);
  }

  httpHandlerConfigs(): object {
    return this.inner?.httpHandlerConfigs?.() ?? {};
  }

  /** Closes the connections of a handler made here; a handler that was given belongs to its owner, who closes it. */
  destroy(): void {
    if (this.make !== undefined) this.inner?.destroy?.();
  }

  private load(): Promise<SdkHttpHandler> {
    this.loading ??= (async () => {
      const inner = await this.make!();
      for (const [key, value] of this.updates) inner.updateHttpClientConfig?.(key, value);
      this.updates.length = 0;
      this.inner = inner;
      return inner;
    })();
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private deadlineOf(inner: SdkHttpHandler): number {
    const { deadlineMs, minimumDeadlineMs } = this.bounds;
    if (deadlineMs !== undefined) return deadlineMs;
    const limits = (inner.httpHandlerConfigs?.() ?? {}) as Record<string, unknown>;
    return Math.max(minimumDeadlineMs, numberOf(limits.connectionTimeout) + numberOf(limits.requestTimeout));
  }
}

/**
 * The error for a reply over the cap. It carries an empty `$metadata`, as the SDK's own errors do, so that the
 * SDK neither stamps the reply's status on it (a 5xx status would make it retry) nor appends its deserialization
 * note to the message.
 */
const tooLarge = (what: string, maxReplyBytes: number): ReplyTooLargeError =>
  Object.assign(new ReplyTooLargeError(what, maxReplyBytes), { $metadata: {} });
