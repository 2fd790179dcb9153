/**
 * A token bucket on a given clock (the emulator's, so that tests refill it by moving that clock): it holds up to
 * `capacity` tokens, refills at `perSecond`, and each request takes one. A clock moved back refills nothing.
 */
export class TokenBucket {
  #tokens: number;
  #lastMs: number;

  constructor(
    readonly perSecond: number,
    readonly capacity: number,
    private readonly now: () => number,
  ) {
    this.#tokens = capacity;
    this.#lastMs = now();
  }

  /** Takes a token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.#lastMs);
    this.#lastMs = now;
    this.#tokens = Math.min(this.capacity, this.#tokens + (elapsedMs * this.perSecond) / 1000);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Fills the bucket to capacity. */
  refill(): void {
    this.#tokens = this.capacity;
    this.#lastMs = this.now();
  }
}
