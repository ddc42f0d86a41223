import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.InvalidBundleError");

/**
 * A bundle (or a list of objects) given for delivery cannot be split: `objects` is missing, an object has no
 * string `id` or `type`, or nothing in it can be imported. `field` names the offending place (for example
 * `objects[3].id`); nothing was published. Never retryable: the input must be fixed.
 */
export class InvalidBundleError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** Path of the offending field, e.g. `objects`, `objects[3].id`. */
  readonly field: string;
  readonly isRetryable = false;

  constructor(field: string, message: string, options: { cause?: unknown } = {}) {
    super("InvalidBundleError", `${field}: ${message}`, options);
    this.field = field;
  }

  static override isInstance(value: unknown): value is InvalidBundleError {
    return hasErrorMarker(value, MARKER);
  }
}
