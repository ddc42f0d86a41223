import { hasTestkitMarker, TestkitError } from "./testkit-error.js";

const MARKER = Symbol.for("org.opencti-connector-testkit.error.PlatformOptionsError");

/** One invalid option: its path (`amqp.url`) and what to change. */
export interface PlatformOptionIssue {
  option: string;
  message: string;
}

/** Thrown by `startPlatform` (and the CLI) when options are invalid; lists every problem at once. */
export class PlatformOptionsError extends TestkitError {
  readonly [MARKER] = true;
  /** Every invalid option. */
  readonly issues: readonly PlatformOptionIssue[];

  constructor(issues: readonly PlatformOptionIssue[], options: { cause?: unknown } = {}) {
    super(
      "PlatformOptionsError",
      `Invalid testkit platform options: ${issues.map((i) => `${i.option}: ${i.message}`).join("; ")}`,
      options,
    );
    this.issues = issues;
  }

  static override isInstance(value: unknown): value is PlatformOptionsError {
    return hasTestkitMarker(value, MARKER);
  }
}
