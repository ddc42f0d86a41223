import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.StateResetError");

/**
 * A checkpoint was refused because the connector's state was reset on the platform after the run started (spec
 * §4.3): persisting a cursor derived from the old state would undo the reset. The run should stop and close its
 * work in error; the next run starts from the platform's state. Not retryable.
 */
export class StateResetError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** The state generation the checkpoint was derived from. */
  readonly expectedGeneration: number;
  /** The current generation (bumped by each remote reset). */
  readonly currentGeneration: number;
  readonly isRetryable = false;

  constructor(args: { expectedGeneration: number; currentGeneration: number }) {
    super(
      "StateResetError",
      `Checkpoint refused: the connector state was remotely reset (state generation ${args.currentGeneration}, checkpoint derived from generation ${args.expectedGeneration})`,
    );
    this.expectedGeneration = args.expectedGeneration;
    this.currentGeneration = args.currentGeneration;
  }

  static override isInstance(value: unknown): value is StateResetError {
    return hasErrorMarker(value, MARKER);
  }
}
