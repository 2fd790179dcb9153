import type { NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import { BoundedHttpHandler, type SdkHttpHandler } from "./BoundedHttpHandler.js";
import { DEFAULT_REQUEST_HANDLER } from "./DEFAULT_REQUEST_HANDLER.js";
import { loadNodeHttpHandler } from "./loadNodeHttpHandler.js";

const isHandler = (value: unknown): value is SdkHttpHandler =>
  typeof (value as { handle?: unknown } | null | undefined)?.handle === "function";

const numberOf = (value: unknown): number =>
  typeof value === "number" && value > 0 && Number.isFinite(value) ? value : 0;

const positive = (value: unknown, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === "number" && value > 0 && Number.isFinite(value)) return value;
  throw new TypeError(`requestHandler.${name} must be a positive number, not ${String(value)}`);
};

/**
 * The `requestHandler` of every SDK client sso-kit creates, from the `requestHandler` setting it was given (by
 * `clientConfig`, a parent or calling client, or nothing):
 *
 * - nothing: the SDK's `NodeHttpHandler` with the time limits of {@link DEFAULT_REQUEST_HANDLER}, bounded by its
 *   whole-attempt deadline (15 s) and reply cap (1 MiB);
 * - options (`{ connectionTimeout, requestTimeout, httpsAgent, ... }`): `NodeHttpHandler` with those options over
 *   the defaults, bounded; two more keys set the bounds: `deadlineMs` (default: the longer of 15 s and
 *   `connectionTimeout + requestTimeout`, so longer limits the caller set are honoured) and `maxReplyBytes`;
 * - a handler instance (a proxy's, another client's): used for every request, with its own time limits, and
 *   bounded too: the cap, and a deadline of the longer of 15 s and its reported `connectionTimeout +
 *   requestTimeout`, since a handler of the caller's is no reason for a call to hang or read without end;
 * - a {@link BoundedHttpHandler} (e.g. from this function): used as is.
 *
 * `NodeHttpHandler` is loaded with the first request, that is with the SDK client that sends it (which loads it
 * anyway): building the handler costs no import.
 */
export const boundedRequestHandler = (given?: unknown): BoundedHttpHandler => {
  if (given instanceof BoundedHttpHandler) return given;
  const minimumDeadlineMs = DEFAULT_REQUEST_HANDLER.deadlineMs;
  if (isHandler(given)) {
    return new BoundedHttpHandler(given, {
      minimumDeadlineMs,
      maxReplyBytes: DEFAULT_REQUEST_HANDLER.maxReplyBytes,
    });
  }
  if (typeof given === "function") {
    // Options resolved later (`NodeHttpHandler` accepts a provider of them): taken as they come.
    return new BoundedHttpHandler(
      async () => new (await loadNodeHttpHandler())(given as never) as unknown as SdkHttpHandler,
      { minimumDeadlineMs, maxReplyBytes: DEFAULT_REQUEST_HANDLER.maxReplyBytes },
    );
  }
  const {
    deadlineMs,
    maxReplyBytes,
    connectionTimeout = DEFAULT_REQUEST_HANDLER.connectionTimeout,
    // The caller's own `requestTimeout` keeps the SDK's meaning of `throwOnRequestTimeout` (unset: only a warning).
    ...options
  } = (typeof given === "object" && given !== null ? given : {}) as Record<string, unknown>;
  const handlerOptions = {
    ...(options.requestTimeout === undefined && {
      requestTimeout: DEFAULT_REQUEST_HANDLER.requestTimeout,
      throwOnRequestTimeout: DEFAULT_REQUEST_HANDLER.throwOnRequestTimeout,
    }),
    connectionTimeout,
    ...options,
  };
  const limits = numberOf(handlerOptions.connectionTimeout) + numberOf(handlerOptions.requestTimeout);
  return new BoundedHttpHandler(
    async () =>
      new (await loadNodeHttpHandler())(
        handlerOptions as NodeHttpHandlerOptions,
      ) as unknown as SdkHttpHandler,
    {
      deadlineMs: positive(deadlineMs, "deadlineMs") ?? Math.max(minimumDeadlineMs, limits),
      minimumDeadlineMs,
      maxReplyBytes: positive(maxReplyBytes, "maxReplyBytes") ?? DEFAULT_REQUEST_HANDLER.maxReplyBytes,
    },
  );
};
