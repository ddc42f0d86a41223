import { hasErrorMarker } from "./connector-sdk-error.js";
import { SourceError } from "./source-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.SourceHttpError");

/**
 * What went wrong with a source request: the server answered with an error status, the connection failed, or
 * the request took longer than its timeout.
 */
export type SourceHttpErrorKind = "status" | "network" | "timeout";

/** HTTP statuses worth retrying: request timeout, too many requests and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * A request to a source API (the feed a connector imports) failed.
 *
 * `url` is already redacted (credentials and secret query parameters replaced by `[REDACTED]`), and `body` is a
 * short, redacted excerpt of the error response, so the error can be logged as is. `isRetryable` and
 * `retryAfterMs` drive `withRetry`: network errors, timeouts, 408, 429 and 5xx are retryable; other statuses are
 * not. A {@link SourceError}, so a connector resumes its run after a retryable one.
 */
export class SourceHttpError extends SourceError {
  readonly [MARKER] = true;
  readonly kind: SourceHttpErrorKind;
  /** HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The request URL with every secret redacted. */
  readonly url: string;
  /** Response status; `undefined` for network errors and timeouts. */
  readonly status: number | undefined;
  /** Up to 500 characters of the error response body, redacted. */
  readonly body: string | undefined;

  constructor(args: {
    kind: SourceHttpErrorKind;
    method: string;
    url: string;
    status?: number | undefined;
    statusText?: string | undefined;
    body?: string | undefined;
    retryAfterMs?: number | undefined;
    /** Timeout that expired, for the message of `timeout` errors. */
    timeoutMs?: number | undefined;
    cause?: unknown;
  }) {
    const isRetryable = args.kind !== "status" || (args.status !== undefined && isRetryableStatus(args.status));
    super(describe(args), { cause: args.cause, isRetryable, retryAfterMs: args.retryAfterMs }, "SourceHttpError");
    this.kind = args.kind;
    this.method = args.method;
    this.url = args.url;
    this.status = args.status;
    this.body = args.body;
  }

  static override isInstance(value: unknown): value is SourceHttpError {
    return hasErrorMarker(value, MARKER);
  }
}

function describe(args: {
  kind: SourceHttpErrorKind;
  method: string;
  url: string;
  status?: number | undefined;
  statusText?: string | undefined;
  timeoutMs?: number | undefined;
  cause?: unknown;
}): string {
  const target = `${args.method} ${args.url}`;
  switch (args.kind) {
    case "status":
      return `${target} answered HTTP ${args.status}${args.statusText ? ` ${args.statusText}` : ""}`;
    case "timeout":
      return `${target} timed out after ${args.timeoutMs} ms`;
    case "network": {
      const reason = networkReason(args.cause);
      return `${target} failed: network error${reason ? ` (${reason})` : ""}`;
    }
  }
}

/** The most specific system error code or message of a fetch failure (`fetch failed` hides it in `cause`). */
function networkReason(cause: unknown): string | undefined {
  let current: unknown = cause;
  let reason: string | undefined;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const error = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof error.code === "string") reason = error.code;
    else if (typeof error.message === "string" && error.message !== "") reason = error.message;
    current = error.cause;
  }
  return reason;
}
