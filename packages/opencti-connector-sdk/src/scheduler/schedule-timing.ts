/** Inputs of {@link initialDelayMs}. */
export interface InitialDelayInput {
  now: number;
  /** `CONNECTOR_DURATION_PERIOD` in ms (0 in run-and-terminate mode). */
  periodMs: number;
  /** End of the last successful run, from the connector's state, in ms since the epoch. */
  lastRunEnd?: number | undefined;
  /** Upper bound of the random start delay. Default 0. */
  jitterMs?: number | undefined;
  /** Randomness in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * Delay before the first run: none, unless the last successful run ended less than one period ago, in which
 * case the remainder of that period (never more than one period, even if the state's time is in the future);
 * plus a random start jitter in `[0, jitterMs)`.
 */
export function initialDelayMs(input: InitialDelayInput): number {
  const remainder =
    input.lastRunEnd === undefined || input.periodMs <= 0
      ? 0
      : Math.min(input.periodMs, Math.max(0, input.lastRunEnd + input.periodMs - input.now));
  const jitterMs = input.jitterMs ?? 0;
  const jitter = jitterMs > 0 ? Math.floor((input.random ?? Math.random)() * jitterMs) : 0;
  return remainder + jitter;
}

/** Shortened wait after failed runs: `min(period, maxDelayMs, baseDelayMs * 2^(failures-1))`. */
export interface FailureBackoff {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay from the end of a run to the next one: the period (fixed delay), or after `consecutiveFailures` failed
 * runs, the capped exponential {@link FailureBackoff} when one is configured (never longer than the period).
 */
export function nextRunDelayMs(periodMs: number, consecutiveFailures: number, backoff?: FailureBackoff): number {
  if (!backoff || consecutiveFailures <= 0) return periodMs;
  const exponential = backoff.baseDelayMs * 2 ** (consecutiveFailures - 1);
  return Math.min(periodMs, backoff.maxDelayMs, exponential);
}

/** A time as `connectorInfo` datetimes carry it: UTC, whole seconds, `YYYY-MM-DDTHH:MM:SSZ` (pycti's format). */
export function formatInfoDatetime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
