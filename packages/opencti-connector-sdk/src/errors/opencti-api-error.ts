import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.OpenCTIApiError");

/** What every OpenCTI API error records. */
export interface OpenCTIApiErrorDetails {
  /** GraphQL operation name, e.g. `RegisterConnector`. */
  operation: string;
  /** The GraphQL endpoint, without credentials or query string (never the token). */
  url: string;
  /** HTTP status of the reply; `undefined` when no reply arrived. */
  status?: number | undefined;
  /** The platform's error code (`extensions.code`, e.g. `AUTH_REQUIRED`), or an SDK code for local failures. */
  code?: string | undefined;
  /** Whether asking again may succeed; read by `withRetry`. */
  isRetryable?: boolean | undefined;
  /** The platform's `Retry-After` hint in ms. */
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * Base class of the errors of the OpenCTI GraphQL client. Thrown as such when the platform answered with
 * something that is not what the operation's document asks for (`code` `INVALID_RESPONSE`); the subclasses
 * {@link OpenCTIAuthError}, {@link OpenCTIUnavailableError} and {@link OpenCTIGraphQLError} cover the rest.
 * No field or message holds the token.
 */
export class OpenCTIApiError extends ConnectorSdkError {
  readonly [MARKER] = true;
  readonly operation: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: OpenCTIApiErrorDetails, name = "OpenCTIApiError") {
    super(name, message, { cause: details.cause });
    this.operation = details.operation;
    this.url = details.url;
    this.status = details.status;
    this.code = details.code;
    this.isRetryable = details.isRetryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** True for any error of the OpenCTI client (any subclass). */
  static override isInstance(value: unknown): value is OpenCTIApiError {
    return hasErrorMarker(value, MARKER);
  }
}
