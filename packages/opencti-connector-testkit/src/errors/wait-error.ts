import { hasTestkitMarker, TestkitError } from "./testkit-error.js";

const MARKER = Symbol.for("org.opencti-connector-testkit.error.WaitError");

/** Why a wait ended without its condition: time ran out, or the awaited work was deleted. */
export type WaitErrorReason = "timeout" | "deleted";

/** Thrown by `platform.waitForWork` and `platform.waitUntil` when the condition cannot be met; says what was seen. */
export class WaitError extends TestkitError {
  readonly [MARKER] = true;
  readonly reason: WaitErrorReason;
  /** What was awaited, e.g. `work work_…_… to be complete`. */
  readonly awaited: string;
  readonly timeoutMs: number;

  constructor(args: { reason: WaitErrorReason; awaited: string; timeoutMs: number; seen: string }) {
    super(
      "WaitError",
      args.reason === "timeout"
        ? `Timed out after ${args.timeoutMs} ms waiting for ${args.awaited}; ${args.seen}`
        : `Stopped waiting for ${args.awaited}: ${args.seen}`,
    );
    this.reason = args.reason;
    this.awaited = args.awaited;
    this.timeoutMs = args.timeoutMs;
  }

  static override isInstance(value: unknown): value is WaitError {
    return hasTestkitMarker(value, MARKER);
  }
}
