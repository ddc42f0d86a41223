import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.RunInterruptedError");

/**
 * The connector was stopped (SIGTERM, SIGINT, `stop()`) before a run ended. The run stopped collecting, waited
 * for the confirmations in flight (up to the grace period), kept the state at the last confirmed checkpoint and
 * closed its work in error with this message. Not a failure of the source or of the platform: the next start
 * resumes from the checkpoint.
 */
export class RunInterruptedError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** Batches handed to delivery whose confirmation had not arrived when the grace period ended. */
  readonly unconfirmedBatches: number;
  readonly isRetryable = false;

  constructor(args: { reason: string; unconfirmedBatches: number; cause?: unknown }) {
    const pending =
      args.unconfirmedBatches === 0
        ? ""
        : `, ${args.unconfirmedBatches} batch(es) unconfirmed at the end of the grace period`;
    super(
      "RunInterruptedError",
      `Run interrupted (${args.reason})${pending}; state kept at the last confirmed checkpoint`,
      { cause: args.cause },
    );
    this.unconfirmedBatches = args.unconfirmedBatches;
  }

  static override isInstance(value: unknown): value is RunInterruptedError {
    return hasErrorMarker(value, MARKER);
  }
}
