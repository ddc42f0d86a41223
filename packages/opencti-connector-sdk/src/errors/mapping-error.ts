import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.MappingError");

/**
 * One source record cannot be turned into STIX (a missing field, a value the builders reject). Throw it from
 * `toStix()`: an `ExternalImportConnector` skips that record, counts it (`records_skipped_total`,
 * `errors_total`), logs a warning with `recordId`, reports it on the run's work, and goes on with the run. Any
 * other error thrown by `toStix()` fails the run, so a defect that breaks every record is not silently skipped.
 *
 * @example
 * ```ts
 * if (!record.ip) throw new MappingError("no ip field", { recordId: record.uuid });
 * ```
 */
export class MappingError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** The source's identifier of the record (logged and reported); the connector's `recordId()` is used otherwise. */
  readonly recordId: string | undefined;
  readonly isRetryable = false;

  constructor(message: string, options: { recordId?: string | undefined; cause?: unknown } = {}) {
    super("MappingError", message, { cause: options.cause });
    this.recordId = options.recordId;
  }

  static override isInstance(value: unknown): value is MappingError {
    return hasErrorMarker(value, MARKER);
  }
}
