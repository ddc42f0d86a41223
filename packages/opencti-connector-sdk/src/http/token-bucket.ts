import type { Clock } from "../clock/clock.js";

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  clock: Clock;
  /** Sustained rate: tokens added per second. Must be > 0. */
  requestsPerSecond: number;
  /** Bucket size: how many requests may go out at once after a quiet period. Default `ceil(requestsPerSecond)`. */
  burst?: number;
}

/**
 * A token-bucket rate limiter driven by the injected {@link Clock}: the bucket starts full (`burst` tokens),
 * refills at `requestsPerSecond`, and each {@link TokenBucket.acquire} takes one token, waiting on the clock
 * until one is available. Callers are served in arrival order.
 */
export class TokenBucket {
  readonly #clock: Clock;
  readonly #ratePerMs: number;
  readonly #burst: number;
  #tokens: number;
  #refilledAt: number | undefined;
  #tail: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions) {
    if (!(options.requestsPerSecond > 0) || !Number.isFinite(options.requestsPerSecond)) {
      throw new RangeError(`rateLimit.requestsPerSecond must be a positive number, got ${options.requestsPerSecond}`);
    }
    const burst = options.burst ?? Math.ceil(options.requestsPerSecond);
    if (!(burst >= 1) || !Number.isFinite(burst)) {
      throw new RangeError(`rateLimit.burst must be a number >= 1, got ${options.burst}`);
    }
    this.#clock = options.clock;
    this.#ratePerMs = options.requestsPerSecond / 1000;
    this.#burst = burst;
    this.#tokens = burst;
  }

  /**
   * Resolves once a token was taken. Rejects with the signal's reason when `signal` aborts while waiting (the
   * token is then not consumed and later callers proceed).
   */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#tail.then(() => this.#take(signal));
    this.#tail = turn.catch(() => {});
    return turn;
  }

  async #take(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.#clock.sleep(Math.ceil((1 - this.#tokens) / this.#ratePerMs), signal);
    }
  }

  #refill(): void {
    const now = this.#clock.now();
    if (this.#refilledAt !== undefined) {
      this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#refilledAt) * this.#ratePerMs);
    }
    this.#refilledAt = now;
  }
}
