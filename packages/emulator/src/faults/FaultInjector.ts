import { randomUUID } from "node:crypto";
import { isOperationName, type OperationName } from "../OperationName.js";
import type { FaultRule } from "./FaultRule.js";

interface ActiveRule {
  id: string;
  rule: FaultRule;
  remaining: number;
}

/** The fault rules of an emulator: added by tests, consumed by requests. */
export class FaultInjector {
  #rules: ActiveRule[] = [];

  /** Adds a rule (after the existing ones) and returns its id. Throws a `TypeError` for an invalid rule. */
  add(rule: FaultRule): string {
    validate(rule);
    const id = randomUUID();
    this.#rules.push({ id, rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  /** Removes the rule with this id; returns whether there was one. */
  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((active) => active.id !== id);
    return this.#rules.length !== before;
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules = [];
  }

  /** The rules still active, in order. */
  list(): FaultRule[] {
    return this.#rules.map(({ rule, remaining }) => ({
      ...rule,
      ...(Number.isFinite(remaining) ? { times: remaining } : {}),
    }));
  }

  /** The rule that applies to one request of `operation`, if any (counting it against the rule's `times`). */
  take(operation: OperationName): FaultRule | undefined {
    for (const active of this.#rules) {
      if (active.rule.operation !== operation || active.remaining <= 0) continue;
      if (Math.random() >= (active.rule.probability ?? 1)) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.#rules = this.#rules.filter((entry) => entry !== active);
      return active.rule;
    }
    return undefined;
  }
}

const validate = (rule: FaultRule): void => {
  if (typeof rule !== "object" || rule === null) throw new TypeError("faults.add(rule) needs a rule object");
  if (!isOperationName(rule.operation))
    throw new TypeError(`Unknown fault operation ${JSON.stringify(rule.operation)}`);
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new TypeError(`Invalid fault rule for ${rule.operation}: ${what}`);
  };
  check(
    rule.times === undefined || (Number.isInteger(rule.times) && rule.times > 0),
    "times must be a positive integer",
  );
  check(
    rule.probability === undefined ||
      (typeof rule.probability === "number" && rule.probability >= 0 && rule.probability <= 1),
    "probability must be from 0 to 1",
  );
  check(
    rule.status === undefined || (Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599),
    "status must be an HTTP error status (400-599)",
  );
  check(
    rule.exception === undefined || (typeof rule.exception === "string" && /^\w+$/.test(rule.exception)),
    "exception must be a name",
  );
  check(rule.message === undefined || typeof rule.message === "string", "message must be a string");
  check(
    rule.delayMs === undefined ||
      (typeof rule.delayMs === "number" && rule.delayMs >= 0 && Number.isFinite(rule.delayMs)),
    "delayMs must be a non-negative number",
  );
  check(
    rule.body === undefined || ["malformed", "truncated", "empty"].includes(rule.body),
    "body must be malformed, truncated or empty",
  );
  check(rule.reset === undefined || typeof rule.reset === "boolean", "reset must be a boolean");
  check(
    rule.response === undefined ||
      (typeof rule.response === "object" &&
        rule.response !== null &&
        (rule.response.status === undefined ||
          (Number.isInteger(rule.response.status) &&
            rule.response.status >= 200 &&
            rule.response.status <= 599))),
    "response must be { status?, headers?, body }",
  );
};
