import { describe, expect, it } from "vitest";
import type { ConnectorDetails, ConnectorInfoInput } from "../api/types.js";
import { FakeClock } from "../clock/fake-clock.js";
import { createMemoryLogger } from "../logging/logger.js";
import { exitCodeFor } from "./run-outcome.js";
import { type RunContext, Scheduler, type SchedulerOptions } from "./scheduler.js";

const T0 = Date.parse("2026-03-01T00:00:00Z");
const MINUTE = 60_000;

/** A `getConnector` double answering the given queue sizes (bytes) in turn; an Error is thrown. */
function queueApi(sizes: (number | Error)[]) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      getConnector: async (id: string): Promise<ConnectorDetails> => {
        calls.push(id);
        const size = sizes.length > 1 ? sizes.shift() : sizes[0];
        if (size instanceof Error) throw size;
        return {
          id,
          name: "test",
          active: true,
          connector_type: "EXTERNAL_IMPORT",
          connector_scope: [],
          connector_state: null,
          connector_queue_details: { messages_number: 10, messages_size: size ?? 0 },
        };
      },
    },
  };
}

/** A scheduler on a fake clock whose runs last `runMs` and fail when `fail(run)` says so. */
function setup(options: Partial<SchedulerOptions> & { runMs?: number; fail?: (run: number) => boolean } = {}) {
  const clock = new FakeClock(T0);
  const logger = createMemoryLogger();
  const starts: number[] = [];
  const info: Partial<ConnectorInfoInput>[] = [];
  const metrics: string[] = [];
  let active = 0;
  let maxActive = 0;
  const { runMs = 0, fail, ...rest } = options;
  const scheduler = new Scheduler({
    clock,
    logger,
    periodMs: 60 * MINUTE,
    run: async ({ run, signal }: RunContext) => {
      active++;
      maxActive = Math.max(maxActive, active);
      starts.push(clock.now() - T0);
      try {
        if (runMs > 0) await clock.sleep(runMs, signal);
        if (fail?.(run)) throw new Error(`run ${run} broke`);
      } finally {
        active--;
      }
    },
    onInfo: (partial) => info.push(partial),
    metrics: {
      incRuns: () => metrics.push("runs"),
      incErrors: () => metrics.push("errors"),
      setState: (state) => metrics.push(state),
    },
    ...rest,
  });
  return { clock, logger, starts, info, metrics, scheduler, maxActive: () => maxActive };
}

describe("Scheduler (periodic)", () => {
  it("runs at start, then one period after each run ends, never overlapping", async () => {
    const { clock, scheduler, starts, info, maxActive } = setup({ periodMs: 60 * MINUTE, runMs: 10 * MINUTE });
    const done = scheduler.start();
    await clock.advance(0);
    expect(starts).toEqual([0]);
    await clock.advance(69 * MINUTE + 59_999);
    expect(starts).toEqual([0]);
    await clock.advance(1);
    expect(starts).toEqual([0, 70 * MINUTE]);
    await clock.advance(70 * MINUTE);
    expect(starts).toEqual([0, 70 * MINUTE, 140 * MINUTE]);
    expect(maxActive()).toBe(1);
    expect(info.slice(0, 2)).toEqual([
      { run_and_terminate: false, next_run_datetime: "2026-03-01T00:00:00Z" },
      { last_run_datetime: "2026-03-01T00:10:00Z", next_run_datetime: "2026-03-01T01:10:00Z" },
    ]);
    await scheduler.stop();
    expect(await done).toMatchObject({ reason: "stopped", runs: 3, failures: 0 });
  });

  it("waits for a run longer than the period instead of overlapping it", async () => {
    const { clock, scheduler, starts, maxActive } = setup({ periodMs: MINUTE, runMs: 3 * MINUTE });
    void scheduler.start();
    await clock.advance(10 * MINUTE);
    expect(starts).toEqual([0, 4 * MINUTE, 8 * MINUTE]);
    expect(maxActive()).toBe(1);
    await scheduler.stop();
  });

  it("waits the remainder of the period after a recent successful run, then keeps the fixed delay", async () => {
    const { clock, scheduler, starts, info } = setup({ periodMs: 60 * MINUTE, lastRunEnd: T0 - 20 * MINUTE });
    void scheduler.start();
    await clock.advance(40 * MINUTE - 1);
    expect(starts).toEqual([]);
    expect(info[0]).toEqual({ run_and_terminate: false, next_run_datetime: "2026-03-01T00:40:00Z" });
    await clock.advance(1);
    expect(starts).toEqual([40 * MINUTE]);
    await clock.advance(60 * MINUTE);
    expect(starts).toEqual([40 * MINUTE, 100 * MINUTE]);
    await scheduler.stop();
  });

  it("runs at once when the last run is older than one period, after the start jitter", async () => {
    const { clock, scheduler, starts } = setup({
      lastRunEnd: T0 - 61 * MINUTE,
      jitterMs: 30_000,
      random: () => 0.5,
    });
    void scheduler.start();
    await clock.advance(14_999);
    expect(starts).toEqual([]);
    await clock.advance(1);
    expect(starts).toEqual([15_000]);
    await scheduler.stop();
  });

  it("catches a failing run, logs it with its error, counts it and keeps the schedule", async () => {
    const { clock, scheduler, starts, logger, metrics } = setup({ runMs: MINUTE, fail: (run) => run === 1 });
    const done = scheduler.start();
    await clock.advance(MINUTE);
    const failure = logger.entries.find((e) => e.level === "error");
    expect(failure?.message).toBe("Connector run failed");
    expect(failure?.attributes).toMatchObject({ run: 1, duration_ms: MINUTE });
    expect(failure?.attributes.error).toEqual(new Error("run 1 broke"));
    expect(metrics).toEqual(["runs", "running", "errors", "idle"]);
    await clock.advance(60 * MINUTE);
    expect(starts).toEqual([0, 61 * MINUTE]);
    await clock.advance(MINUTE);
    await scheduler.stop();
    expect(await done).toMatchObject({ reason: "stopped", runs: 2, failures: 1, lastOutcome: { status: "succeeded" } });
    expect(metrics.at(-1)).toBe("stopped");
  });

  it("retries sooner after failures with a capped backoff, back to the period after a success", async () => {
    const { clock, scheduler, starts } = setup({
      failureBackoff: { baseDelayMs: MINUTE, maxDelayMs: 4 * MINUTE },
      fail: (run) => run <= 4,
    });
    void scheduler.start();
    await clock.advance(200 * MINUTE);
    // Failures at 0, 1, 3, 7 (delays 1, 2, 4, 4 min), success at 11, then the full hour.
    expect(starts.map((t) => t / MINUTE)).toEqual([0, 1, 3, 7, 11, 71, 131, 191]);
    await scheduler.stop();
  });

  it("checks the queue threshold before every run including the first, skipping while over it", async () => {
    const { api, calls } = queueApi([600_000_000, 499_999_999, 500_000_000]);
    const { clock, scheduler, starts, info, logger } = setup({
      queue: { api, connectorId: "conn-1", thresholdMb: 500 },
    });
    void scheduler.start();
    await clock.advance(0);
    expect(starts).toEqual([]);
    expect(calls).toEqual(["conn-1"]);
    expect(logger.entries.filter((e) => e.level === "info").map((e) => e.message)).toContain(
      "Connector will not run until the queue messages size is reduced under queue threshold",
    );
    expect(info.slice(0, 3)).toEqual([
      { run_and_terminate: false, queue_threshold: 500, next_run_datetime: "2026-03-01T00:00:00Z" },
      { buffering: true, queue_threshold: 500, queue_messages_size: 600 },
      { next_run_datetime: "2026-03-01T01:00:00Z" },
    ]);
    await clock.advance(60 * MINUTE);
    expect(starts).toEqual([60 * MINUTE]);
    expect(info[3]).toEqual({ buffering: false, queue_threshold: 500, queue_messages_size: 499.999999 });
    await clock.advance(60 * MINUTE);
    // Exactly at the threshold counts as over.
    expect(starts).toEqual([60 * MINUTE]);
    expect(calls).toHaveLength(3);
    await scheduler.stop();
  });

  it("warns and runs anyway when the queue size cannot be read", async () => {
    const { api } = queueApi([new Error("ECONNRESET")]);
    const { clock, scheduler, starts, info, logger } = setup({ queue: { api, connectorId: "c", thresholdMb: 500 } });
    void scheduler.start();
    await clock.advance(0);
    expect(starts).toEqual([0]);
    expect(info[1]).toEqual({ buffering: false, queue_threshold: 500 });
    expect(logger.entries.find((e) => e.level === "warn")?.message).toBe(
      "Cannot read the connector queue size, continuing without the queue threshold check",
    );
    await scheduler.stop();
  });

  it("stops during the wait at once, without another run", async () => {
    const { clock, scheduler, starts, metrics } = setup();
    const done = scheduler.start();
    await clock.advance(30 * MINUTE);
    await scheduler.stop();
    expect(await done).toMatchObject({ reason: "stopped", runs: 1 });
    expect(clock.pendingSleeps).toBe(0);
    await clock.advance(120 * MINUTE);
    expect(starts).toEqual([0]);
    expect(metrics.at(-1)).toBe("stopped");
    await scheduler.stop();
  });

  it("stops during a run by aborting its signal and waiting for it to return", async () => {
    const clock = new FakeClock(T0);
    let cleanedUpAt: number | undefined;
    const scheduler = new Scheduler({
      clock,
      periodMs: 60 * MINUTE,
      run: async ({ signal }) => {
        await clock.sleep(10 * MINUTE, signal).catch(async () => {
          // Flushing in-flight work takes a while after the abort.
          await clock.sleep(5_000);
          cleanedUpAt = clock.now();
          throw signal.reason;
        });
      },
    });
    const done = scheduler.start();
    await clock.advance(MINUTE);
    let stopped = false;
    const stopping = scheduler.stop(new Error("SIGTERM")).then(() => {
      stopped = true;
    });
    await clock.advance(4_999);
    expect(stopped).toBe(false);
    await clock.advance(1);
    await stopping;
    expect(cleanedUpAt).toBe(T0 + MINUTE + 5_000);
    const result = await done;
    expect(result).toMatchObject({ reason: "stopped", runs: 1, failures: 0, lastOutcome: { status: "interrupted" } });
    expect(exitCodeFor(result)).toBe(0);
  });

  it("stops through the AbortSignal option and before start", async () => {
    const controller = new AbortController();
    const { clock, scheduler } = setup({ signal: controller.signal });
    const done = scheduler.start();
    await clock.advance(0);
    controller.abort();
    expect(await done).toMatchObject({ reason: "stopped", runs: 1 });
    const idle = setup().scheduler;
    await idle.stop();
  });
});

describe("Scheduler (run-and-terminate)", () => {
  it("runs once and resolves with a success (exit 0), reporting run_and_terminate and last_run_datetime", async () => {
    const { clock, scheduler, starts, info } = setup({ runAndTerminate: true, runMs: 90_000 });
    const done = scheduler.start();
    await clock.advance(90_000);
    const result = await done;
    expect(result).toMatchObject({ reason: "completed", runs: 1, lastOutcome: { status: "succeeded" } });
    expect(exitCodeFor(result)).toBe(0);
    expect(starts).toEqual([0]);
    expect(info).toEqual([
      { run_and_terminate: true, next_run_datetime: null },
      { last_run_datetime: "2026-03-01T00:01:30Z", next_run_datetime: null },
    ]);
    expect(clock.pendingSleeps).toBe(0);
  });

  it("resolves with the failure (exit 1) and treats a zero period as run-and-terminate", async () => {
    const { clock, scheduler } = setup({ periodMs: 0, fail: () => true });
    expect(scheduler.runAndTerminate).toBe(true);
    const done = scheduler.start();
    await clock.advance(0);
    const result = await done;
    expect(result.lastOutcome).toMatchObject({ status: "failed", error: new Error("run 1 broke") });
    expect(exitCodeFor(result)).toBe(1);
  });

  it("skips the only run when the queue is over the threshold (exit 0)", async () => {
    const { api } = queueApi([900_000_000]);
    const { clock, scheduler, starts } = setup({
      runAndTerminate: true,
      queue: { api, connectorId: "c", thresholdMb: 500 },
    });
    const done = scheduler.start();
    await clock.advance(0);
    const result = await done;
    expect(result).toEqual({
      reason: "completed",
      runs: 0,
      failures: 0,
      lastOutcome: { status: "skipped", reason: "queue-threshold", at: T0 },
    });
    expect(exitCodeFor(result)).toBe(0);
    expect(starts).toEqual([]);
  });
});

describe("Scheduler options", () => {
  it("rejects invalid periods, jitter and thresholds", () => {
    const run = async () => {};
    const clock = new FakeClock();
    expect(() => new Scheduler({ run, clock, periodMs: -1 })).toThrow(
      "periodMs must be a finite number >= 0 (CONNECTOR_DURATION_PERIOD), got -1",
    );
    expect(() => new Scheduler({ run, clock, periodMs: 1, jitterMs: Number.NaN })).toThrow("jitterMs");
    expect(
      () =>
        new Scheduler({ run, clock, periodMs: 1, queue: { api: queueApi([0]).api, connectorId: "c", thresholdMb: 0 } }),
    ).toThrow("queue.thresholdMb must be > 0 (CONNECTOR_QUEUE_THRESHOLD), got 0");
  });
});
