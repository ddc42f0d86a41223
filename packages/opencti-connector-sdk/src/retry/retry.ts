import type { Clock } from "../clock/clock.js";
import { type RetryAttempt, RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { backoffDelay, delayWithRetryAfter } from "./backoff.js";

/** How an error should be treated by {@link withRetry}. */
export interface RetryDecision {
  retryable: boolean;
  /** Server hint (e.g. `Retry-After`) in ms. */
  retryAfterMs?: number | undefined;
}

/** Shape of errors that carry their own retry decision (every SDK error that can be retried does). */
export interface RetryableErrorLike {
  isRetryable?: boolean;
  retryAfterMs?: number | undefined;
}

/** Reads `isRetryable` and `retryAfterMs` from the error itself; anything else is not retried. */
export function defaultClassify(error: unknown): RetryDecision {
  if (typeof error === "object" && error !== null) {
    const e = error as RetryableErrorLike;
    return { retryable: e.isRetryable === true, retryAfterMs: e.retryAfterMs };
  }
  return { retryable: false };
}

/** Information passed to {@link RetryOptions.onRetry} before each wait. */
export interface RetryEvent {
  operation: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  error: unknown;
}

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Name used in logs and in {@link RetryExhaustedError}. */
  operation: string;
  clock: Clock;
  /** Total attempts including the first. Default 5. */
  maxAttempts?: number;
  /** Default 1 000 ms. */
  baseDelayMs?: number;
  /** Default 60 000 ms. */
  maxDelayMs?: number;
  /** Give up once this many ms have passed since the first attempt (checked before each wait). */
  deadlineMs?: number;
  /** Decides whether an error is retried; defaults to {@link defaultClassify}. */
  classify?: (error: unknown) => RetryDecision;
  /** Aborting stops waiting at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  random?: () => number;
  /** Called before each wait, for logging and metrics. */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Runs `fn` until it succeeds, an error is not retryable, attempts run out or the deadline passes.
 *
 * - A non-retryable error is rethrown unchanged, so callers keep testing its type.
 * - Exhaustion throws {@link RetryExhaustedError} with every attempt and the last error as `cause`.
 * - Waits use exponential backoff with full jitter, honour a server's retry hint (clamped to `maxDelayMs`),
 *   and go through the injected clock.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const classify = options.classify ?? defaultClassify;
  const started = options.clock.now();
  const attempts: RetryAttempt[] = [];

  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const decision = classify(error);
      if (!decision.retryable) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= maxAttempts) {
        attempts.push({ attempt, message, delayMs: 0 });
        throw new RetryExhaustedError({ operation: options.operation, reason: "attempts", attempts, cause: error });
      }
      const computed = backoffDelay(attempt, {
        baseDelayMs,
        maxDelayMs,
        ...(options.random ? { random: options.random } : {}),
      });
      const delayMs = delayWithRetryAfter(computed, decision.retryAfterMs, maxDelayMs);
      if (options.deadlineMs !== undefined && options.clock.now() + delayMs - started > options.deadlineMs) {
        attempts.push({ attempt, message, delayMs: 0 });
        throw new RetryExhaustedError({ operation: options.operation, reason: "deadline", attempts, cause: error });
      }
      attempts.push({ attempt, message, delayMs });
      options.onRetry?.({ operation: options.operation, attempt, maxAttempts, delayMs, error });
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
