import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.InvalidStateError");

/** One field of a connector state that its schema rejects. */
export interface StateIssue {
  /** Path of the field, e.g. `cursor` or `pages.0`; empty for the state itself. */
  field: string;
  message: string;
}

/**
 * A connector state does not match the connector's state schema: the state stored on the platform (written by
 * another version of the connector, or edited by hand), or a `checkpoint()` of the connector's own code. Fails the
 * run; nothing is persisted. For a stored state, fix the connector or reset the state on the platform
 * (Data > Ingestion > Connectors); for a checkpoint, fix the code.
 */
export class InvalidStateError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** Where the state came from. */
  readonly origin: "stored" | "checkpoint";
  readonly issues: readonly StateIssue[];
  readonly isRetryable = false;

  constructor(args: { origin: "stored" | "checkpoint"; issues: readonly StateIssue[] }) {
    const what =
      args.origin === "stored"
        ? "The connector state stored on the platform does not match the state schema (fix the connector or reset its state)"
        : "checkpoint() was given a state that does not match the state schema";
    const list = args.issues.map((i) => `${i.field === "" ? "(state)" : i.field}: ${i.message}`).join("; ");
    super("InvalidStateError", `${what}: ${list}`);
    this.origin = args.origin;
    this.issues = args.issues;
  }

  static override isInstance(value: unknown): value is InvalidStateError {
    return hasErrorMarker(value, MARKER);
  }
}
