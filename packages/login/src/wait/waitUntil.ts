import { abortedError } from "../oidc/toLoginError.js";
import type { LoginError } from "../LoginError.js";

/**
 * Waits for `promise`, but no later than `deadline` (epoch ms) and no longer than `signal` allows: past the
 * deadline it rejects with `onTimeout()`, on abort with a `LoginError` `Aborted`. Timer and listener are
 * always removed.
 */
export function waitUntil<T>(
  promise: Promise<T>,
  deadline: number,
  onTimeout: () => LoginError,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal.reason));
    const onAbort = (): void => finish(() => reject(abortedError(signal?.reason)));
    const timer = setTimeout(() => finish(() => reject(onTimeout())), Math.max(0, deadline - Date.now()));
    signal?.addEventListener("abort", onAbort, { once: true });
    function finish(settle: () => void): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    }
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
