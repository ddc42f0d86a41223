import type { Clock } from "./clock.js";

interface PendingSleep {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets pending promise callbacks and I/O callbacks run (one macrotask turn). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A {@link Clock} whose time only moves when a test says so. Sleeps resolve in time order as
 * {@link FakeClock.advance} passes their deadline, so a 40 s ping interval is tested without waiting.
 *
 * @example
 * ```ts
 * const clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
 * const done = clock.sleep(40_000);
 * await clock.advance(40_000); // `done` is now resolved
 * ```
 */
export class FakeClock implements Clock {
  #now: number;
  #seq = 0;
  #sleeps: PendingSleep[] = [];

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const entry: PendingSleep = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#sleeps = this.#sleeps.filter((s) => s !== entry);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#sleeps.push(entry);
    });
  }

  /** Number of sleeps not yet resolved. */
  get pendingSleeps(): number {
    return this.#sleeps.length;
  }

  /** Deadline of the earliest pending sleep, or `undefined` when none is pending. */
  get nextDeadline(): number | undefined {
    return this.#next()?.at;
  }

  /**
   * Moves time forward by `ms`, resolving every sleep whose deadline is reached, in deadline order, and letting
   * the code woken by each run (including sleeps it starts) before moving on.
   */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await turn();
    for (;;) {
      const next = this.#next();
      if (!next || next.at > target) break;
      this.#sleeps = this.#sleeps.filter((s) => s !== next);
      this.#now = next.at;
      next.resolve();
      await turn();
    }
    this.#now = target;
    await turn();
  }

  /** Advances exactly to the earliest pending sleep and resolves it. Returns false when none is pending. */
  async runNext(): Promise<boolean> {
    await turn();
    const next = this.#next();
    if (!next) return false;
    await this.advance(next.at - this.#now);
    return true;
  }

  /** Sets the time without resolving anything (for tests that start at a given instant). */
  setTime(ms: number): void {
    this.#now = ms;
  }

  #next(): PendingSleep | undefined {
    let best: PendingSleep | undefined;
    for (const s of this.#sleeps) {
      if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    }
    return best;
  }
}
