/**
 * How one scheduled slot ended:
 * - `succeeded` / `failed`: the run returned / threw (`error` is what it threw);
 * - `interrupted`: the run threw after the scheduler was stopped (its abort signal fired);
 * - `skipped`: the queue threshold check found the push queue over the threshold, so no run started.
 */
export type RunOutcome =
  | { status: "succeeded"; run: number; startedAt: number; endedAt: number }
  | { status: "failed" | "interrupted"; run: number; startedAt: number; endedAt: number; error: unknown }
  | { status: "skipped"; reason: "queue-threshold"; at: number };

/** What `Scheduler.start()` resolves with. */
export interface SchedulerResult {
  /** `completed`: the run-and-terminate run (or skip) is done; `stopped`: `stop()` or the signal ended it. */
  reason: "completed" | "stopped";
  /** Runs started. */
  runs: number;
  /** Runs that failed (interrupted runs are not counted). */
  failures: number;
  /** The last slot's outcome; `undefined` when stopped before the first one. */
  lastOutcome: RunOutcome | undefined;
}

/**
 * The process exit code for a scheduler result (spec §7): 1 only when a run-and-terminate run failed; 0 after a
 * success, a skip, or a stop (SIGTERM/SIGINT exit 0, spec §4.6).
 */
export function exitCodeFor(result: SchedulerResult): 0 | 1 {
  return result.reason === "completed" && result.lastOutcome?.status === "failed" ? 1 : 0;
}
