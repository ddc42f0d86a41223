import { RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { SourceError } from "../errors/source-error.js";
import { backoffDelay, delayWithRetryAfter } from "../retry/backoff.js";

/** How a run resumes after a retryable {@link SourceError}. */
export interface SourceRetryOptions {
  /** Collection attempts in a row without a new batch before the run fails. Default 5. */
  maxAttempts?: number;
  /** Default 1 000 ms. */
  baseDelayMs?: number;
  /** Cap of any wait, `retryAfterMs` included. Default 60 000 ms. */
  maxDelayMs?: number;
}

/** The retryable source error behind `error`: itself, or the last failure of an exhausted source retry loop. */
export function retryableSourceError(error: unknown): SourceError | undefined {
  const candidate = RetryExhaustedError.isInstance(error) ? error.cause : error;
  return SourceError.isInstance(candidate) && candidate.isRetryable ? candidate : undefined;
}

/** The wait before resuming collection for the `attempt`-th time in a row: full-jitter backoff, `Retry-After` honoured. */
export function sourceRetryDelayMs(
  attempt: number,
  error: SourceError,
  options: SourceRetryOptions,
  random?: () => number,
): number {
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const computed = backoffDelay(attempt, {
    baseDelayMs: options.baseDelayMs ?? 1_000,
    maxDelayMs,
    ...(random ? { random } : {}),
  });
  return delayWithRetryAfter(computed, error.retryAfterMs, maxDelayMs);
}
