import type { FakeClock } from "../../src/clock/fake-clock.js";

/**
 * Settles `promise` while moving the fake clock from one pending sleep to the next (retry waits, rate-limit
 * waits), yielding to real I/O in between. Use with `timeoutMs: 0` so request timeouts do not fire early.
 */
export async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  let done = false;
  const settled = Promise.allSettled([promise]).then(([result]) => {
    done = true;
    return result as PromiseSettledResult<T>;
  });
  while (!done) await clock.runNext();
  return settled;
}

/** The rejection reason of a settled promise; fails when it was fulfilled. */
export function rejection<T>(result: PromiseSettledResult<T>): unknown {
  if (result.status === "fulfilled") throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.reason;
}
