import { FaultInjector } from "./FaultInjector.js";
import type { FaultRule } from "./FaultRule.js";

describe("FaultInjector", () => {
  it("applies a rule with times N exactly N times, then retires it", () => {
    const faults = new FaultInjector();
    faults.add({ operation: "CreateToken", status: 500, times: 2 });
    expect(faults.take("CreateToken")).toMatchObject({ status: 500 });
    expect(faults.list()).toEqual([{ operation: "CreateToken", status: 500, times: 1 }]);
    expect(faults.take("ListAccounts")).toBeUndefined();
    expect(faults.take("CreateToken")).toMatchObject({ status: 500 });
    expect(faults.take("CreateToken")).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it.each([
    [{ operation: "Nope" }],
    [{ operation: "CreateToken", times: 0 }],
    [{ operation: "CreateToken", times: 1.5 }],
    [{ operation: "CreateToken", probability: 2 }],
    [{ operation: "CreateToken", status: 200 }],
    [{ operation: "CreateToken", delayMs: -1 }],
    [{ operation: "CreateToken", body: "weird" }],
    [{ operation: "CreateToken", exception: "has spaces" }],
    [{ operation: "CreateToken", response: { status: 99, body: {} } }],
  ])("rejects the invalid rule %j with a TypeError", (rule) => {
    expect(() => new FaultInjector().add(rule as unknown as FaultRule)).toThrow(TypeError);
  });
});
