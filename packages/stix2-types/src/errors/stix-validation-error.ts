const MARKER = Symbol.for("org.stix2-types.error.StixValidationError");

/** One problem found in a STIX value: where it is and what is wrong. */
export interface StixValidationIssue {
  /** JSON path of the offending value, e.g. `objects[3].hashes.MD5`; empty for the value itself. */
  path: string;
  /** What is wrong and, when it helps, how to fix it. */
  message: string;
}

/** Options accepted by the {@link StixValidationError} constructor. */
export interface StixValidationErrorOptions {
  /** The error that caused this one (for example the zod error), kept for debugging. */
  cause?: unknown;
}

/**
 * Thrown when a value is not a valid STIX 2.1 / OpenCTI object, bundle, marking or id input.
 *
 * `issues` lists every problem found (never only the first), each with its JSON path. Test with
 * `StixValidationError.isInstance(error)`, which works even when two copies of this package are installed.
 */
export class StixValidationError extends Error {
  readonly [MARKER] = true;
  /** Every problem found, in document order. */
  readonly issues: readonly StixValidationIssue[];

  constructor(issues: readonly StixValidationIssue[], options: StixValidationErrorOptions = {}) {
    super(formatMessage(issues), options.cause === undefined ? undefined : { cause: options.cause });
    // A literal name survives minification, unlike `constructor.name`.
    this.name = "StixValidationError";
    this.issues = issues;
  }

  /** True when `value` is a {@link StixValidationError}, from this or any other copy of the package. */
  static isInstance(value: unknown): value is StixValidationError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

function formatMessage(issues: readonly StixValidationIssue[]): string {
  const lines = issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`));
  if (lines.length === 1) return `Invalid STIX: ${lines[0]}`;
  return `Invalid STIX (${lines.length} problems):\n- ${lines.join("\n- ")}`;
}
