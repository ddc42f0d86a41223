const MARKER = Symbol.for("org.opencti-connector-sdk.error");

/** Options accepted by every SDK error constructor. */
export interface ConnectorSdkErrorOptions {
  /** The error that caused this one, kept for logs and debugging. */
  cause?: unknown;
}

/**
 * True when `value` is an object carrying the given marker symbol.
 *
 * Markers use `Symbol.for`, so the check holds even when two copies of the SDK are installed, where
 * `instanceof` would answer `false`.
 */
export function hasErrorMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base class of every error thrown by the SDK.
 *
 * Test with `ConnectorSdkError.isInstance(error)` (or the subclass's own `isInstance`), which works across
 * duplicated installs; `instanceof` works too within one copy. No field of an SDK error ever holds a secret.
 */
export class ConnectorSdkError extends Error {
  readonly [MARKER] = true;

  constructor(name: string, message: string, options: ConnectorSdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // A literal name survives minification, unlike `constructor.name`.
    this.name = name;
  }

  /** True when `value` is an error thrown by this SDK (any subclass). */
  static isInstance(value: unknown): value is ConnectorSdkError {
    return hasErrorMarker(value, MARKER);
  }
}
