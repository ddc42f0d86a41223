import { hasErrorMarker } from "./connector-sdk-error.js";
import { OpenCTIApiError } from "./opencti-api-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.OpenCTIAuthError");

/** Platform codes (and HTTP statuses) that mean the token is missing, wrong or lacks a capability. */
export const OPENCTI_AUTH_ERROR_CODES: readonly string[] = ["AUTH_REQUIRED", "AUTH_FAILURE", "FORBIDDEN_ACCESS"];

/**
 * The platform refused the token: HTTP 401/403, or `AUTH_REQUIRED`, `AUTH_FAILURE`, `FORBIDDEN_ACCESS`. Never
 * retried; a connector stops with this error (exit 1) since asking again cannot succeed. `forbidden` tells an
 * unknown token (fix `OPENCTI_TOKEN`) from a user lacking a capability (give it the `Connector` role).
 */
export class OpenCTIAuthError extends OpenCTIApiError {
  readonly [MARKER] = true;
  /** True when the token is valid but its user lacks a capability. */
  readonly forbidden: boolean;

  constructor(args: { operation: string; url: string; status?: number | undefined; code: string; detail?: string }) {
    const forbidden = args.code === "FORBIDDEN_ACCESS" || args.status === 403;
    const fix = forbidden
      ? "give the token's user the capabilities of the Connector role"
      : "check OPENCTI_TOKEN (the token of a user of this platform)";
    const detail = args.detail === undefined ? "" : `: ${args.detail}`;
    super(
      `OpenCTI at ${args.url} refused ${args.operation} (${args.code}${args.status === undefined ? "" : `, HTTP ${args.status}`})${detail}; ${fix}`,
      { operation: args.operation, url: args.url, status: args.status, code: args.code, isRetryable: false },
      "OpenCTIAuthError",
    );
    this.forbidden = forbidden;
  }

  static override isInstance(value: unknown): value is OpenCTIAuthError {
    return hasErrorMarker(value, MARKER);
  }
}
