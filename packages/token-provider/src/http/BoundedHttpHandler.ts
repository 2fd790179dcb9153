import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";
import { pipeline, Readable, Transform } from "node:stream";
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

const isReadable = (body: unknown): body is Readable => body instanceof Readable;

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
 * or the caller's): a whole-attempt deadline, covering the reply body the SDK reads after `handle()` has returned,
 * and a reply-size cap, checked against `content-length` before any body is read and counted as the body streams.
 * The SDK's retries run on top: a deadline fails with {@link AttemptDeadlineError}, which the SDK retries as a
 * timeout; a reply over the cap fails with {@link ReplyTooLargeError}, which it does not retry.
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
    const controller = new AbortController();
    const unfollow = follow(options.abortSignal, controller);
    let timedOut = false;
    let onDeadline = () => controller.abort();
    const timer = setTimeout(() => {
      timedOut = true;
      onDeadline();
    }, deadlineMs);
    // The socket keeps a process alive while a request is under way; this timer alone need not.
    timer.unref();
    const settle = () => {
      clearTimeout(timer);
      unfollow();
    };
    let output: { response: HttpResponse };
    try {
      output = await inner.handle(request, { ...options, abortSignal: controller.signal });
    } catch (error) {
      settle();
      throw timedOut ? new AttemptDeadlineError(what, deadlineMs) : error;
    }
    const { response } = output;
    const { body } = response as { body: unknown };
    const { maxReplyBytes } = this.bounds;
    const declared = Number(headerOf(response.headers, "content-length"));
    const size = isReadable(body)
      ? declared
      : typeof body === "string"
        ? Buffer.byteLength(body)
        : ((body as { byteLength?: number } | undefined)?.byteLength ?? 0);
    if (size > maxReplyBytes) {
      settle();
      if (isReadable(body)) body.destroy();
      throw tooLarge(what, maxReplyBytes);
    }
    if (!isReadable(body)) {
      settle();
      return output;
    }
    let seen = 0;
    const limited = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > maxReplyBytes) done(tooLarge(what, maxReplyBytes));
        else done(null, chunk);
      },
    });
    onDeadline = () => limited.destroy(new AttemptDeadlineError(what, deadlineMs));
    // Destroying `limited` (deadline, cap, or the SDK giving up) destroys the reply, and so its connection.
    pipeline(body, limited, settle);
    response.body = limited;
    return output;
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
