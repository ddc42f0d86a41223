import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.SourceError");

/** Options of {@link SourceError}. */
export interface SourceErrorOptions {
  /** The underlying failure (a fetch error, the source SDK's exception...). */
  cause?: unknown;
  /** Whether asking the source again may succeed; default `true` (outages, throttling, timeouts). */
  isRetryable?: boolean;
  /** The source's own retry hint (e.g. `Retry-After`) in ms. */
  retryAfterMs?: number | undefined;
}

/**
 * The source a connector imports from (its API, feed or files) failed. Throw it from `collect()` or `toStix()` for
 * a failure that is worth trying again: an `ExternalImportConnector` then resumes the run from its last confirmed
 * checkpoint after an exponential backoff (honouring `retryAfterMs`) instead of failing it. With
 * `isRetryable: false` (a revoked key, a removed endpoint) it fails the run like any other error.
 *
 * `SourceHttpError`, thrown by the SDK's source HTTP client, is a `SourceError`. The message must not contain a
 * secret (redact URLs and keys first).
 *
 * @example
 * ```ts
 * if (reply.status === "busy") throw new SourceError("Feed is rebuilding its export", { retryAfterMs: 60_000 });
 * ```
 */
export class SourceError extends ConnectorSdkError {
  readonly [MARKER] = true;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  /** `name` is for subclasses (a literal, e.g. `SourceHttpError`). */
  constructor(message: string, options: SourceErrorOptions = {}, name = "SourceError") {
    super(name, message, { cause: options.cause });
    this.isRetryable = options.isRetryable ?? true;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True for a `SourceError` of any subclass, from any installed copy of the SDK. */
  static override isInstance(value: unknown): value is SourceError {
    return hasErrorMarker(value, MARKER);
  }
}
