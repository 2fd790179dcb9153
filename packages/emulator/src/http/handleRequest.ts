import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ADMIN_PREFIX, adminReply } from "../admin/adminReply.js";
import { redactPath } from "../admin/redactPath.js";
import type { RequestLog } from "../admin/RequestLog.js";
import type { RequestLogEntry } from "../admin/RequestLogEntry.js";
import type { FaultInjector } from "../faults/FaultInjector.js";
import { faultOutcome } from "../faults/faultReply.js";
import type { EmulatorState } from "../state/EmulatorState.js";
import { encodeServiceError } from "./encodeServiceError.js";
import { BodyReadError, readBody } from "./readBody.js";
import { jsonReply, type Reply } from "./Reply.js";
import type { RequestContext } from "./RequestContext.js";
import { routeRequest } from "./routeRequest.js";
import { ServiceError } from "./ServiceError.js";
import type { ServiceName } from "./ServiceName.js";

/** What the request pipeline needs besides the request itself. */
export interface RequestHandlerDeps {
  state: EmulatorState;
  log: RequestLog;
  faults: FaultInjector;
  /** Aborted when the emulator stops, so that injected delays end at once. */
  stopping: AbortSignal;
  /** Clears the counters, the request log and the fault rules and refills the rate limit (not tokens or clients). */
  reset: () => void;
}

/**
 * The whole request pipeline: admin endpoints, routing, counting, reading the body (bounded in size and time),
 * fault injection, the operation's handler, error encoding and the redacted log entry. It never throws: an
 * unexpected failure becomes the service's 500 reply.
 */
export const handleRequest = async (
  req: IncomingMessage,
  res: ServerResponse,
  deps: RequestHandlerDeps,
): Promise<void> => {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  if (path.startsWith(ADMIN_PREFIX)) {
    const { maxBodyBytes, bodyTimeoutMs } = deps.state.options;
    const body = await readBody(req, maxBodyBytes, bodyTimeoutMs).catch(() => undefined);
    send(
      res,
      body === undefined
        ? jsonReply({ message: "The request body could not be read." }, 400)
        : adminReply(method, path, body.toString("utf8"), {
            log: deps.log,
            reset: deps.reset,
            state: deps.state,
          }),
    );
    return;
  }
  const addressed = routeRequest(method, path, url.searchParams);
  const entry: RequestLogEntry = {
    time: "",
    operation: addressed?.operation ?? "UnknownOperation",
    method,
    path: redactPath(path, url.searchParams),
    status: 0,
  };
  const finish = (reply: Reply | undefined, errorType?: string) => {
    if (reply !== undefined) send(res, reply);
    deps.log.record({
      ...entry,
      time: new Date().toISOString(),
      status: reply?.status ?? 0,
      ...(errorType === undefined ? {} : { errorType }),
    });
  };
  if (addressed === undefined) {
    req.resume();
    finish(unknownOperation(method, path), "UnknownOperationException");
    return;
  }
  // awsQuery names its operation in the body, so such a route is only final (and counted) once the body is in.
  const namedByBody = addressed.byBody !== undefined;
  if (!namedByBody) deps.log.count(addressed.operation);
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, deps.state.options.maxBodyBytes, deps.state.options.bodyTimeoutMs);
  } catch (error) {
    if (namedByBody) deps.log.count(addressed.operation);
    const failure = bodyErrorReply(addressed.service, error);
    finish(failure?.reply, failure?.errorType);
    return;
  }
  const route = addressed.byBody?.(rawBody) ?? addressed;
  if (namedByBody) {
    entry.operation = route.operation;
    deps.log.count(route.operation);
  }
  const fault = deps.faults.take(route.operation);
  if (fault?.delayMs !== undefined && fault.delayMs > 0) {
    try {
      await sleep(fault.delayMs, undefined, { signal: deps.stopping });
    } catch {
      req.socket.destroy();
      finish(undefined);
      return;
    }
  }
  const outcome = fault === undefined ? { kind: "pass" as const } : faultOutcome(fault, route.service);
  if (outcome.kind === "reset") {
    req.socket.destroy();
    finish(undefined, "ConnectionReset");
    return;
  }
  if (outcome.kind === "truncate") {
    const full = Buffer.from(outcome.reply.body);
    res.writeHead(200, { ...outcome.reply.headers, "content-length": String(full.length) });
    res.write(full.subarray(0, Math.floor(full.length / 2)), () => req.socket.destroy());
    deps.log.record({ ...entry, time: new Date().toISOString(), status: 200, errorType: "TruncatedBody" });
    return;
  }
  if (outcome.kind === "huge" || outcome.kind === "drip" || outcome.kind === "silent") {
    const errorType = { huge: "HugeBody", drip: "DrippedBody", silent: "NoReply" }[outcome.kind];
    deps.log.record({ ...entry, time: new Date().toISOString(), status: 200, errorType });
    if (outcome.kind === "huge")
      await streamHugeBody(res, outcome.bytes, outcome.declareLength, deps.stopping);
    else if (outcome.kind === "drip") await dripBody(res, outcome.intervalMs, deps.stopping);
    return;
  }
  if (outcome.kind === "reply") {
    finish(outcome.reply, outcome.reply.status >= 300 ? errorTypeOf(outcome.reply) : undefined);
    return;
  }
  const ctx: RequestContext = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body: rawBody.toString("utf8"),
    state: deps.state,
  };
  try {
    finish(await route.handle(ctx));
  } catch (error) {
    const serviceError =
      error instanceof ServiceError
        ? error
        : new ServiceError(route.service, internalErrorName(route.service), 500, "Internal error.");
    finish(encodeServiceError(serviceError), serviceError.code);
  }
};

/** 64 KiB of a JSON string's inside: what a huge reply is made of. */
const FILLER = Buffer.alloc(65_536, "a");

/** Whether the reply can take more: false once the client or the emulator gave up. */
const open = (res: ServerResponse, stopping: AbortSignal): boolean => !res.destroyed && !stopping.aborted;

/**
 * A 200 reply of `bytes` bytes (`{"padding":"aaa…"}`), written chunk by chunk as the client reads it, so that
 * neither side needs to hold it; stops when the client or the emulator gives up.
 */
const streamHugeBody = async (
  res: ServerResponse,
  bytes: number,
  declareLength: boolean,
  stopping: AbortSignal,
): Promise<void> => {
  const head = Buffer.from('{"padding":"');
  const tail = Buffer.from('"}');
  res.writeHead(200, {
    "content-type": "application/json",
    ...(declareLength && { "content-length": String(bytes) }),
  });
  let left = bytes;
  const write = (chunk: Buffer): Promise<void> | undefined => {
    left -= chunk.length;
    if (res.write(chunk)) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        res.off("drain", done);
        res.off("close", done);
        resolve();
      };
      res.on("drain", done);
      res.on("close", done);
    });
  };
  await write(head.subarray(0, Math.min(head.length, left)));
  while (left > tail.length && open(res, stopping)) {
    await write(FILLER.subarray(0, Math.min(FILLER.length, left - tail.length)));
  }
  if (open(res, stopping)) res.end(tail.subarray(0, left));
};

/** Headers at once, then one byte every `intervalMs` of a body that never ends, until someone gives up. */
const dripBody = async (res: ServerResponse, intervalMs: number, stopping: AbortSignal): Promise<void> => {
  res.writeHead(200, { "content-type": "application/json" });
  const gaveUp = new AbortController();
  res.once("close", () => gaveUp.abort());
  const signal = AbortSignal.any([stopping, gaveUp.signal]);
  const body = '{"padding":"';
  for (let sent = 0; open(res, stopping); sent++) {
    res.write(body[sent] ?? "a");
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      break;
    }
  }
  if (stopping.aborted) res.destroy();
};

const send = (res: ServerResponse, reply: Reply): void => {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, {
    "x-amzn-requestid": randomUUID(),
    ...reply.headers,
    "content-length": String(body.length),
  });
  res.end(body);
};

const unknownOperation = (method: string, path: string): Reply => ({
  status: 404,
  headers: {
    "content-type": "application/json",
    "x-amzn-errortype":
      "UnknownOperationException:http://internal.amazon.com/coral/com.amazon.coral.service/",
  },
  body: JSON.stringify({ message: `No operation matches ${method} ${path}.` }),
});

/** The reply to a body that was too large or too slow (the connection closes after it); none when it was aborted. */
const bodyErrorReply = (
  service: ServiceName,
  error: unknown,
): { reply: Reply; errorType: string } | undefined => {
  if (!(error instanceof BodyReadError) || error.reason === "aborted") return undefined;
  const tooLarge = error.reason === "too-large";
  const code =
    service === "sts"
      ? tooLarge
        ? "InvalidParameterValue"
        : "RequestTimeout"
      : service === "page"
        ? "invalid_request"
        : "InvalidRequestException";
  const reply = encodeServiceError(new ServiceError(service, code, tooLarge ? 413 : 408, error.message));
  reply.headers.connection = "close";
  return { reply, errorType: code };
};

const internalErrorName = (service: ServiceName): string =>
  service === "sts" ? "InternalFailure" : "InternalServerException";

const errorTypeOf = (reply: Reply): string | undefined => {
  const header = reply.headers["x-amzn-errortype"];
  if (header !== undefined) return header.split(":")[0];
  return /<Code>([^<]+)<\/Code>/.exec(reply.body)?.[1] ?? `HTTP${reply.status}`;
};
