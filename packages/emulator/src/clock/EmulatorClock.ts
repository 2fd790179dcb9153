/**
 * The emulator's notion of "now": the real clock plus an offset that tests move forward, so that tokens and
 * credentials the emulator issued expire without anyone sleeping. Only things the emulator issues and checks
 * (token, code, registration and credential lifetimes) use it; request signatures are checked against real time.
 */
export class EmulatorClock {
  #offsetMs = 0;

  /** Milliseconds since the epoch as the emulator sees them (`Date.now()` + offset). */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Moves the emulator's clock forward by `ms` (negative moves it back). */
  advance(ms: number): void {
    this.#offsetMs += finiteMs(ms, "advance");
  }

  /** Sets the offset from the real clock to exactly `ms`. */
  setOffset(ms: number): void {
    this.#offsetMs = finiteMs(ms, "setOffset");
  }

  /** The current offset from the real clock, in milliseconds. */
  get offsetMs(): number {
    return this.#offsetMs;
  }
}

const finiteMs = (ms: unknown, method: string): number => {
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new TypeError(`clock.${method}(ms) needs a finite number of milliseconds, got ${String(ms)}`);
  }
  return ms;
};
