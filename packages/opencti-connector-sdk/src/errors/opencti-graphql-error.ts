import { hasErrorMarker } from "./connector-sdk-error.js";
import { OpenCTIApiError } from "./opencti-api-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.OpenCTIGraphQLError");

/** One entry of a GraphQL `errors` array. */
export interface OpenCTIGraphQLErrorEntry {
  message: string;
  /** `extensions.code`, e.g. `FUNCTIONAL_ERROR`. */
  code: string | undefined;
}

/** Platform codes that mean the document does not match the platform's schema (a version mismatch). */
const SCHEMA_MISMATCH_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/**
 * The platform answered with GraphQL errors (other than authentication, see `OpenCTIAuthError`). `code` is the
 * first error's `extensions.code` (`FUNCTIONAL_ERROR`, `VALIDATION_ERROR`, `LOCK_ERROR`, `GRAPHQL_VALIDATION_FAILED`,
 * ...). Only `LOCK_ERROR` is retryable. Schema-validation codes add the platform version to the message when known,
 * since they usually mean this SDK and the platform disagree on the schema.
 */
export class OpenCTIGraphQLError extends OpenCTIApiError {
  readonly [MARKER] = true;
  /** Every GraphQL error of the reply. */
  readonly errors: readonly OpenCTIGraphQLErrorEntry[];
  /** True for parse, validation and variable-coercion failures (platform/SDK version mismatch). */
  readonly isSchemaMismatch: boolean;

  constructor(args: {
    operation: string;
    url: string;
    status?: number | undefined;
    errors: readonly OpenCTIGraphQLErrorEntry[];
    /** The platform version, when already known, for schema mismatch messages. */
    platformVersion?: string | undefined;
  }) {
    const first = args.errors[0];
    const code = first?.code ?? "UNKNOWN";
    const isSchemaMismatch = SCHEMA_MISMATCH_CODES.has(code);
    const more = args.errors.length > 1 ? ` (and ${args.errors.length - 1} more error(s))` : "";
    const hint = isSchemaMismatch
      ? ` (the platform${args.platformVersion === undefined ? "" : ` ${args.platformVersion}`} does not accept this SDK's document: check the versions)`
      : "";
    super(
      `OpenCTI rejected ${args.operation} with ${code}: ${first?.message ?? "no message"}${more}${hint}`,
      {
        operation: args.operation,
        url: args.url,
        status: args.status,
        code,
        isRetryable: code === "LOCK_ERROR",
      },
      "OpenCTIGraphQLError",
    );
    this.errors = args.errors;
    this.isSchemaMismatch = isSchemaMismatch;
  }

  static override isInstance(value: unknown): value is OpenCTIGraphQLError {
    return hasErrorMarker(value, MARKER);
  }
}
