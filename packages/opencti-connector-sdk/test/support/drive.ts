import type { FakeClock } from "../../src/clock/fake-clock.js";

const MAX_TURNS = 20_000;

/** One real turn of the event loop, long enough for loopback I/O to progress. */
const ioTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * Awaits `promise` while moving a {@link FakeClock} forward whenever the code under test is waiting on it: real
 * network I/O (a loopback test server) runs in real time, and each pending clock sleep of at most `maxStepMs`
 * (retry waits, ping intervals) is resolved as soon as it is the earliest. Longer sleeps (request timeouts of
 * 300 s by default) are left alone unless `maxStepMs` covers them, so a request in flight is never timed out by
 * accident.
 */
export async function settle<T>(
  promise: Promise<T>,
  clock: FakeClock,
  options: { maxStepMs?: number } = {},
): Promise<T> {
  const maxStepMs = options.maxStepMs ?? 60_000;
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  // Avoid an unhandled rejection while the loop below runs; the caller gets it from the final await.
  watched.catch(() => {});
  for (let turn = 0; !done; turn++) {
    if (turn > MAX_TURNS) throw new Error("settle: the promise did not settle");
    const next = clock.nextDeadline;
    if (next !== undefined && next - clock.now() <= maxStepMs) await clock.runNext();
    else await ioTurn();
  }
  return watched;
}
