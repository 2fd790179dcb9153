import { EmulatorClock } from "./EmulatorClock.js";

describe("EmulatorClock", () => {
  it("follows the real clock plus an offset that advance() and setOffset() move", () => {
    const clock = new EmulatorClock();
    const before = Date.now();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    clock.advance(3_600_000);
    clock.advance(1_000);
    expect(clock.offsetMs).toBe(3_601_000);
    expect(clock.now()).toBeGreaterThanOrEqual(before + 3_601_000);
    clock.setOffset(-5_000);
    expect(clock.offsetMs).toBe(-5_000);
    expect(clock.now()).toBeLessThan(Date.now());
  });

  it("rejects a non-finite offset", () => {
    expect(() => new EmulatorClock().advance(Number.NaN)).toThrow(TypeError);
    expect(() => new EmulatorClock().setOffset(Infinity)).toThrow(TypeError);
  });
});
