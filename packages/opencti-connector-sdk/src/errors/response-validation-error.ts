import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.ResponseValidationError");

/** One problem found in a response body. */
export interface ResponseValidationIssue {
  /** Path of the offending field, e.g. `data.items[3].id`; `(body)` for the body itself. */
  field: string;
  message: string;
}

/**
 * A source API answered successfully, but its body is not what the connector expects: not JSON, or rejected by
 * the connector's zod schema. `field` names the first offending field and `issues` lists them all; `url` is
 * redacted. Not retryable: asking again would return the same body.
 */
export class ResponseValidationError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** HTTP method of the request. */
  readonly method: string;
  /** The request URL with every secret redacted. */
  readonly url: string;
  /** Path of the first offending field. */
  readonly field: string;
  /** Every problem found, in the schema's order. */
  readonly issues: readonly ResponseValidationIssue[];
  readonly isRetryable = false;

  constructor(args: { method: string; url: string; issues: readonly ResponseValidationIssue[]; cause?: unknown }) {
    const [first] = args.issues;
    const field = first?.field ?? "(body)";
    const more = args.issues.length > 1 ? ` (and ${args.issues.length - 1} more issue(s))` : "";
    super(
      "ResponseValidationError",
      `Invalid response from ${args.method} ${args.url}: field \`${field}\`: ${first?.message ?? "invalid"}${more}`,
      { cause: args.cause },
    );
    this.method = args.method;
    this.url = args.url;
    this.field = field;
    this.issues = args.issues;
  }

  static override isInstance(value: unknown): value is ResponseValidationError {
    return hasErrorMarker(value, MARKER);
  }
}
