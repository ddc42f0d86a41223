/** Parameters of exponential backoff with full jitter. */
export interface BackoffOptions {
  /** Delay scale of the first retry, in ms. */
  baseDelayMs: number;
  /** Upper bound of any computed delay, in ms. */
  maxDelayMs: number;
  /** Source of randomness in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * Delay before retry number `retry` (1 for the first retry): a uniform draw in
 * `[0, min(maxDelayMs, baseDelayMs * 2^(retry-1))]` ("full jitter"), which spreads clients that failed
 * together so they do not retry in lockstep.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The delay to use when the server sent a `Retry-After` hint: the hint, clamped to `[0, maxMs]`, and never
 * shorter than the computed backoff.
 */
export function delayWithRetryAfter(computedMs: number, retryAfterMs: number | undefined, maxMs: number): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return computedMs;
  return Math.max(computedMs, Math.min(Math.max(0, retryAfterMs), maxMs));
}

/**
 * Parses an HTTP `Retry-After` header (delta seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns `undefined` when absent or unparsable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
