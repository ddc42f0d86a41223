import type { ConnectorInfoInput, OpenCtiApi } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import type { ConnectorMetrics } from "../metrics/connector-metrics.js";
import { checkQueueThreshold, queueCheckInfo } from "./queue-threshold.js";
import type { RunOutcome, SchedulerResult } from "./run-outcome.js";
import { type FailureBackoff, formatInfoDatetime, initialDelayMs, nextRunDelayMs } from "./schedule-timing.js";

/** What a run receives. */
export interface RunContext {
  /** Aborts when the scheduler is stopped: stop collecting, flush what is in flight, then return or throw. */
  signal: AbortSignal;
  /** 1-based number of this run since start. */
  run: number;
  /** When the run started (ms since the epoch, from the clock). */
  startedAt: number;
}

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  /** The connector's run: resolve on success, throw on failure. The scheduler never runs two at once. */
  run: (context: RunContext) => Promise<void>;
  clock: Clock;
  logger?: Logger;
  /** `CONNECTOR_DURATION_PERIOD` in ms (parse it with the config's duration parser); 0 means run-and-terminate. */
  periodMs: number;
  /** `CONNECTOR_RUN_AND_TERMINATE`: one run, then `start()` resolves. */
  runAndTerminate?: boolean;
  /** End of the last successful run, from the state (ms since the epoch); a recent one delays the first run. */
  lastRunEnd?: number;
  /** Random delay in `[0, jitterMs)` added before the first run. Default 0. */
  jitterMs?: number;
  /** Randomness of the jitter. Default `Math.random`. */
  random?: () => number;
  /** Queue threshold check before every run, the first included (spec §6.6). Omit to disable. */
  queue?: { api: Pick<OpenCtiApi, "getConnector">; connectorId: string; thresholdMb: number };
  /** After a failed run, wait this capped backoff instead of a full period. Default: the period. */
  failureBackoff?: FailureBackoff;
  /** Receives the scheduler's `connectorInfo` fields as they change (e.g. the helper's `updateConnectorInfo`). */
  onInfo?: (info: Partial<ConnectorInfoInput>) => void;
  /** Counts runs and failed runs and sets the `state` enum. */
  metrics?: Pick<ConnectorMetrics, "incRuns" | "incErrors" | "setState">;
  /** Aborting it is the same as calling `stop()`. */
  signal?: AbortSignal;
}

/**
 * Runs the connector on its schedule (spec §7), driven by the injected {@link Clock}:
 *
 * - **Periodic** (fixed delay): the first run at start, unless `lastRunEnd` is less than one period ago (then
 *   the remainder), plus optional jitter; each next run one period after the previous run **ends**, so runs
 *   never overlap. A skipped run schedules the next one a period later.
 * - **Run-and-terminate** (`runAndTerminate` or a zero period): one queue check, at most one run, then
 *   `start()` resolves with its outcome; map it to an exit code with `exitCodeFor`.
 * - Before every run, the queue threshold check: over the threshold, the run is skipped and `buffering` is
 *   reported; when the check itself fails, the run goes ahead.
 * - Every run error is caught, logged at ERROR with its stack, counted in `errors_total`, and the schedule goes
 *   on (sooner with `failureBackoff`). The connector does not log the failure again.
 * - `stop()` (or the signal) cancels a pending wait at once; a running run sees its signal abort and the
 *   scheduler waits for it to return.
 *
 * `connectorInfo` fields go out through `onInfo`: `run_and_terminate`, `buffering`, `queue_threshold`,
 * `queue_messages_size`, `next_run_datetime` (`null` in run-and-terminate mode), `last_run_datetime` (end of
 * the last run).
 */
export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #logger: Logger;
  readonly #stop = new AbortController();
  #done: Promise<SchedulerResult> | undefined;

  constructor(options: SchedulerOptions) {
    if (!(Number.isFinite(options.periodMs) && options.periodMs >= 0)) {
      throw new RangeError(
        `periodMs must be a finite number >= 0 (CONNECTOR_DURATION_PERIOD), got ${options.periodMs}`,
      );
    }
    if (options.jitterMs !== undefined && !(Number.isFinite(options.jitterMs) && options.jitterMs >= 0)) {
      throw new RangeError(`jitterMs must be a finite number >= 0, got ${options.jitterMs}`);
    }
    if (options.queue && !(options.queue.thresholdMb > 0)) {
      throw new RangeError(
        `queue.thresholdMb must be > 0 (CONNECTOR_QUEUE_THRESHOLD), got ${options.queue.thresholdMb}`,
      );
    }
    this.#options = options;
    this.#logger = options.logger ?? noopLogger;
  }

  /** True in run-and-terminate mode (the option, or a zero period). */
  get runAndTerminate(): boolean {
    return this.#options.runAndTerminate === true || this.#options.periodMs === 0;
  }

  /**
   * Starts the schedule; resolves when it ends (run-and-terminate done, or stopped). Never rejects for a run
   * error. Calling it again returns the same promise.
   */
  start(): Promise<SchedulerResult> {
    if (!this.#done) {
      const external = this.#options.signal;
      if (external?.aborted) this.#stop.abort(external.reason);
      else external?.addEventListener("abort", () => this.#stop.abort(external.reason), { once: true });
      this.#done = this.#loop().finally(() => this.#options.metrics?.setState("stopped"));
    }
    return this.#done;
  }

  /**
   * Stops the schedule: cancels a pending wait, aborts the current run's signal and waits for that run to
   * return. Idempotent; resolves at once when the scheduler never started.
   */
  async stop(reason: unknown = new Error("Scheduler stopped")): Promise<void> {
    if (!this.#stop.signal.aborted) this.#stop.abort(reason);
    await this.#done;
  }

  async #loop(): Promise<SchedulerResult> {
    const { clock, periodMs, queue } = this.#options;
    const oneShot = this.runAndTerminate;
    const stop = this.#stop.signal;
    const result: SchedulerResult = { reason: "stopped", runs: 0, failures: 0, lastOutcome: undefined };
    let consecutiveFailures = 0;
    let delay = initialDelayMs({
      now: clock.now(),
      periodMs: oneShot ? 0 : periodMs,
      lastRunEnd: this.#options.lastRunEnd,
      jitterMs: this.#options.jitterMs,
      random: this.#options.random,
    });
    this.#info({
      run_and_terminate: oneShot,
      ...(queue ? { queue_threshold: queue.thresholdMb } : {}),
      next_run_datetime: oneShot ? null : formatInfoDatetime(clock.now() + delay),
    });
    this.#logger.info(oneShot ? "Starting run and terminate" : "Starting schedule", {
      period_seconds: periodMs / 1000,
      first_run_delay_ms: delay,
    });

    for (;;) {
      if (delay > 0) {
        try {
          await clock.sleep(delay, stop);
        } catch {
          return result;
        }
      }
      if (stop.aborted) return result;

      if (queue) {
        const check = await checkQueueThreshold({ ...queue, logger: this.#logger });
        this.#info(queueCheckInfo(check));
        if (check.status === "over") {
          this.#logger.info("Connector will not run until the queue messages size is reduced under queue threshold", {
            queue_messages_size: check.sizeMb,
            queue_threshold: check.thresholdMb,
          });
          result.lastOutcome = { status: "skipped", reason: "queue-threshold", at: clock.now() };
          if (oneShot) return { ...result, reason: "completed" };
          delay = periodMs;
          this.#scheduleNext(clock.now() + delay);
          continue;
        }
        if (stop.aborted) return result;
      }

      const outcome = await this.#runOnce(++result.runs);
      result.lastOutcome = outcome;
      if (outcome.status === "failed") {
        result.failures++;
        consecutiveFailures++;
      } else if (outcome.status === "succeeded") {
        consecutiveFailures = 0;
      }
      if (stop.aborted) {
        this.#info({ last_run_datetime: formatInfoDatetime(outcome.endedAt) });
        return result;
      }
      if (oneShot) {
        this.#info({ last_run_datetime: formatInfoDatetime(outcome.endedAt), next_run_datetime: null });
        return { ...result, reason: "completed" };
      }
      delay = nextRunDelayMs(periodMs, consecutiveFailures, this.#options.failureBackoff);
      this.#scheduleNext(outcome.endedAt + delay, { last_run_datetime: formatInfoDatetime(outcome.endedAt) });
      // The wait is measured from the end of the run, which is now.
      delay = Math.max(0, outcome.endedAt + delay - clock.now());
    }
  }

  async #runOnce(run: number): Promise<Exclude<RunOutcome, { status: "skipped" }>> {
    const { clock, metrics } = this.#options;
    const signal = this.#stop.signal;
    const startedAt = clock.now();
    metrics?.incRuns();
    metrics?.setState("running");
    this.#logger.info("Connector run started", { run });
    try {
      await this.#options.run({ signal, run, startedAt });
      const endedAt = clock.now();
      this.#logger.info("Connector run succeeded", { run, duration_ms: endedAt - startedAt });
      return { status: "succeeded", run, startedAt, endedAt };
    } catch (error) {
      const endedAt = clock.now();
      if (signal.aborted) {
        this.#logger.warn("Connector run interrupted by stop", { run, duration_ms: endedAt - startedAt, error });
        return { status: "interrupted", run, startedAt, endedAt, error };
      }
      metrics?.incErrors();
      this.#logger.error("Connector run failed", { run, duration_ms: endedAt - startedAt, error });
      return { status: "failed", run, startedAt, endedAt, error };
    } finally {
      metrics?.setState("idle");
    }
  }

  #scheduleNext(at: number, info: Partial<ConnectorInfoInput> = {}): void {
    const next = formatInfoDatetime(at);
    this.#info({ ...info, next_run_datetime: next });
    this.#logger.info("Schedule next run of connector", { next_run_datetime: next });
  }

  #info(info: Partial<ConnectorInfoInput>): void {
    this.#options.onInfo?.(info);
  }
}
