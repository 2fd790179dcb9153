import type { RetryErrorType } from "./retryErrorType.js";

const CAPACITY = 500;
const RETRY_COST = 14;
const THROTTLING_RETRY_COST = 5;
const NO_RETRY_REFUND = 1;

/**
 * The retry budget of one SDK client under the standard strategy: 500 tokens; a retry costs 14 (5 after
 * throttling); a success gives back what its last retry cost, or 1 when it needed none. When the portal keeps
 * failing, retries stop before attempts run out, until successes refill the budget.
 */
export class RetryQuota {
  private capacity = CAPACITY;

  /** Pays for one retry after a failure of `type`: its cost, or `undefined` when the budget cannot pay it. */
  take(type: RetryErrorType): number | undefined {
    const cost = type === "THROTTLING" ? THROTTLING_RETRY_COST : RETRY_COST;
    if (this.capacity < cost) return undefined;
    this.capacity -= cost;
    return cost;
  }

  /** Refills after a successful call: `lastRetryCost` (what {@link take} returned last for it), else 1. */
  recordSuccess(lastRetryCost: number | undefined): void {
    this.capacity = Math.min(CAPACITY, this.capacity + (lastRetryCost ?? NO_RETRY_REFUND));
  }
}
