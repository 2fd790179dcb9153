import { encodeServiceError } from "../http/encodeServiceError.js";
import type { Reply } from "../http/Reply.js";
import { ServiceError } from "../http/ServiceError.js";
import type { ServiceName } from "../http/ServiceName.js";
import { exceptionForStatus, statusOfException } from "../http/serviceExceptions.js";
import type { FaultRule } from "./FaultRule.js";

/**
 * What the server does for a fault: send a reply, send a reply cut off mid-body, drop the connection, stream a huge
 * reply, drip a reply byte by byte, say nothing, or go on.
 */
export type FaultOutcome =
  | { kind: "reply"; reply: Reply }
  | { kind: "truncate"; reply: Reply }
  | { kind: "reset" }
  | { kind: "huge"; bytes: number; declareLength: boolean }
  | { kind: "drip"; intervalMs: number }
  | { kind: "silent" }
  | { kind: "pass" };

const BROKEN_JSON = '{"accessToken": "emu-at-broken", "expiresIn": 3600, ';

/** The outcome of a fault rule (after its delay) for a request of a `service` operation. */
export const faultOutcome = (rule: FaultRule, service: ServiceName): FaultOutcome => {
  if (rule.reset === true) return { kind: "reset" };
  if (rule.silent === true) return { kind: "silent" };
  if (rule.hugeBody !== undefined) {
    return { kind: "huge", bytes: rule.hugeBody.bytes, declareLength: rule.hugeBody.declareLength !== false };
  }
  if (rule.drip !== undefined) return { kind: "drip", intervalMs: rule.drip.intervalMs };
  if (rule.response !== undefined) {
    const { status = 200, headers = {}, body } = rule.response;
    const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
    const lowerCased = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return {
      kind: "reply",
      reply: { status, headers: { "content-type": "application/json", ...lowerCased }, body: text },
    };
  }
  if (rule.body !== undefined) {
    const headers = { "content-type": "application/json" };
    if (rule.body === "empty") return { kind: "reply", reply: { status: 200, headers, body: "" } };
    if (rule.body === "malformed")
      return { kind: "reply", reply: { status: 200, headers, body: BROKEN_JSON + "}}" } };
    return {
      kind: "truncate",
      reply: { status: 200, headers, body: BROKEN_JSON + '"tokenType": "Bearer"}' },
    };
  }
  if (rule.exception !== undefined) {
    const status = rule.status ?? statusOfException(service, rule.exception) ?? 400;
    const error = new ServiceError(
      service,
      rule.exception,
      status,
      rule.message ?? `Injected ${rule.exception}`,
    );
    return { kind: "reply", reply: encodeServiceError(error) };
  }
  if (rule.status !== undefined) {
    const name = exceptionForStatus(service, rule.status);
    const error = new ServiceError(
      service,
      name,
      rule.status,
      rule.message ?? `Injected HTTP ${rule.status}`,
    );
    return { kind: "reply", reply: encodeServiceError(error) };
  }
  return { kind: "pass" };
};
