import { ConnectorSdkError, hasErrorMarker } from "../errors/connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.CliError");

/**
 * A command cannot go on, for a reason the user can fix (a bad argument, an unreadable file, an invalid bundle):
 * `message` is the one line printed, `exitCode` is 2 for a bad command line and 1 otherwise.
 */
export class CliError extends ConnectorSdkError {
  readonly [MARKER] = true;
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { exitCode?: 1 | 2; cause?: unknown } = {}) {
    super("CliError", message, { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
  }

  static override isInstance(value: unknown): value is CliError {
    return hasErrorMarker(value, MARKER);
  }
}
