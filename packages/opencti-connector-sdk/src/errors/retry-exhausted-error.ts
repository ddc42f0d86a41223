import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.RetryExhaustedError");

/** Why a retry loop gave up. */
export type RetryExhaustedReason = "attempts" | "deadline";

/** One failed attempt of a retried operation. */
export interface RetryAttempt {
  /** 1-based attempt number. */
  attempt: number;
  /** Message of the error this attempt ended with. */
  message: string;
  /** Delay waited after this attempt before the next one (0 for the last). */
  delayMs: number;
}

/**
 * Thrown when a retried operation still fails after its last allowed attempt or past its deadline.
 * `cause` is the last attempt's error; `attempts` lists every attempt.
 */
export class RetryExhaustedError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** The retried operation's name, e.g. `RegisterConnector`. */
  readonly operation: string;
  /** Whether the attempt budget or the deadline ran out. */
  readonly reason: RetryExhaustedReason;
  /** Every attempt, in order. */
  readonly attempts: readonly RetryAttempt[];
  /** Total time waited between attempts. */
  readonly totalDelayMs: number;

  constructor(args: {
    operation: string;
    reason: RetryExhaustedReason;
    attempts: readonly RetryAttempt[];
    cause: unknown;
  }) {
    const last = args.attempts.at(-1);
    super(
      "RetryExhaustedError",
      `${args.operation} failed after ${args.attempts.length} attempt(s)` +
        (args.reason === "deadline" ? " (deadline reached)" : "") +
        (last ? `: ${last.message}` : ""),
      { cause: args.cause },
    );
    this.operation = args.operation;
    this.reason = args.reason;
    this.attempts = args.attempts;
    this.totalDelayMs = args.attempts.reduce((sum, a) => sum + a.delayMs, 0);
  }

  static override isInstance(value: unknown): value is RetryExhaustedError {
    return hasErrorMarker(value, MARKER);
  }
}
