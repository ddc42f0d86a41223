import { hasErrorMarker } from "./connector-sdk-error.js";
import { OpenCTIApiError } from "./opencti-api-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.OpenCTIUnavailableError");

/**
 * Why the platform could not be used: no connection (`network`), no reply in time (`timeout`), a certificate
 * that does not verify (`tls`), or an HTTP status without a GraphQL reply (`status`, e.g. 429, 502, 503).
 */
export type OpenCTIUnavailableReason = "network" | "timeout" | "tls" | "status";

/** HTTP statuses the SDK retries (spec §3.2): rate limiting and gateway errors. */
export function isRetryableOpenCtiStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * The platform could not be reached or did not answer with GraphQL. The message names the URL (never the token).
 * Network failures, timeouts, 429, 502, 503 and 504 are retryable; certificate failures and other statuses are not.
 */
export class OpenCTIUnavailableError extends OpenCTIApiError {
  readonly [MARKER] = true;
  readonly reason: OpenCTIUnavailableReason;

  constructor(args: {
    operation: string;
    url: string;
    reason: OpenCTIUnavailableReason;
    status?: number | undefined;
    /** Short description of the failure, e.g. `connect ECONNREFUSED 127.0.0.1:4000`. */
    detail?: string | undefined;
    retryAfterMs?: number | undefined;
    cause?: unknown;
  }) {
    const isRetryable =
      args.reason === "network" ||
      args.reason === "timeout" ||
      (args.reason === "status" && args.status !== undefined && isRetryableOpenCtiStatus(args.status));
    const what =
      args.reason === "status"
        ? `answered HTTP ${args.status ?? "?"}`
        : args.reason === "timeout"
          ? "did not answer in time"
          : args.reason === "tls"
            ? "presented a certificate that does not verify (see OPENCTI_SSL_VERIFY)"
            : "could not be reached";
    const detail = args.detail === undefined || args.detail === "" ? "" : `: ${args.detail}`;
    super(
      `OpenCTI platform at ${args.url} ${what} during ${args.operation}${detail}`,
      {
        operation: args.operation,
        url: args.url,
        status: args.status,
        code: args.reason === "status" ? `HTTP_${args.status ?? "?"}` : args.reason.toUpperCase(),
        isRetryable,
        retryAfterMs: args.retryAfterMs,
        cause: args.cause,
      },
      "OpenCTIUnavailableError",
    );
    this.reason = args.reason;
  }

  static override isInstance(value: unknown): value is OpenCTIUnavailableError {
    return hasErrorMarker(value, MARKER);
  }
}
