const MARKER = Symbol.for("org.opencti-connector-testkit.error");

/** True when `value` is an object carrying the given marker symbol (survives two installed copies). */
export function hasTestkitMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base class of every error thrown by the testkit's own API (not the GraphQL errors it answers with, which are
 * sent to the connector like the platform's). Test with `TestkitError.isInstance(error)`.
 */
export class TestkitError extends Error {
  readonly [MARKER] = true;

  constructor(name: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // A literal name survives minification, unlike `constructor.name`.
    this.name = name;
  }

  /** True when `value` is an error thrown by the testkit (any subclass). */
  static isInstance(value: unknown): value is TestkitError {
    return hasTestkitMarker(value, MARKER);
  }
}
