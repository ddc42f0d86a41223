import { hasTestkitMarker, TestkitError } from "./testkit-error.js";

const MARKER = Symbol.for("org.opencti-connector-testkit.error.WaitTimeoutError");

/** Thrown by `platform.waitForWork` when nothing matched within `timeoutMs`; says what was seen instead. */
export class WaitTimeoutError extends TestkitError {
  readonly [MARKER] = true;
  /** What was awaited, e.g. `work work_…_… to be complete`. */
  readonly awaited: string;
  readonly timeoutMs: number;

  constructor(args: { awaited: string; timeoutMs: number; seen: string }) {
    super("WaitTimeoutError", `Timed out after ${args.timeoutMs} ms waiting for ${args.awaited}; ${args.seen}`);
    this.awaited = args.awaited;
    this.timeoutMs = args.timeoutMs;
  }

  static override isInstance(value: unknown): value is WaitTimeoutError {
    return hasTestkitMarker(value, MARKER);
  }
}
