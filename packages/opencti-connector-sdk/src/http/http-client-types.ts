import type { ZodType } from "zod";
import type { Clock } from "../clock/clock.js";
import type { ResponseValidationError } from "../errors/response-validation-error.js";
import type { SourceHttpError } from "../errors/source-http-error.js";
import type { Logger } from "../logging/logger.js";
import type { QueryParams } from "./request-url.js";

/** HTTP methods the client sends. */
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * How the client authenticates to the source:
 * - `bearer`: `Authorization: Bearer <value>`;
 * - `header`: header `name` (e.g. `X-Api-Key`) set to `value`;
 * - `query`: query parameter `name` (e.g. `apikey`) set to `value`.
 *
 * `value` is redacted from every log line and error the client produces.
 */
export interface HttpAuth {
  type: "bearer" | "header" | "query";
  /** Header or query parameter name; required for `header` and `query`. */
  name?: string;
  value: string;
}

/** Retry policy of source requests (see `withRetry`). */
export interface HttpRetryOptions {
  /** Total attempts including the first. Default 5; 1 disables retries. */
  maxAttempts?: number;
  /** Default 1 000 ms. */
  baseDelayMs?: number;
  /** Cap of any wait, including a server's `Retry-After`. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Give up once this many ms have passed since the first attempt. */
  deadlineMs?: number;
}

/** Token-bucket rate limit applied to every attempt. */
export interface HttpRateLimitOptions {
  requestsPerSecond: number;
  /** Default `ceil(requestsPerSecond)`. */
  burst?: number;
}

/** Options of `createHttpClient`. */
export interface HttpClientOptions {
  /** Every path is resolved under it; absolute URLs must share its origin. */
  baseUrl: string | URL;
  auth?: HttpAuth;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
  /** Per attempt, including reading the body. Default 60 000 ms; 0 disables the timeout. */
  timeoutMs?: number;
  retry?: HttpRetryOptions;
  rateLimit?: HttpRateLimitOptions;
  /** Measures durations and drives timeouts, retry waits and the rate limit. Default `systemClock`. */
  clock?: Clock;
  /** Receives one debug line per attempt and a warning per retry. Default `noopLogger`. */
  logger?: Logger;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Default `opencti-connector-sdk-ts`. */
  userAgent?: string;
  /** More query parameter names to redact (names such as `api_key`, `token` or `secret` always are). */
  secretQueryParams?: readonly string[];
  /** Randomness of the retry jitter; injectable for tests. */
  random?: () => number;
  /**
   * Called once per failed attempt (error status, network error, timeout) and per invalid response, e.g. to
   * increment the `client_errors` counter.
   */
  onClientError?: (error: SourceHttpError | ResponseValidationError) => void;
}

/** Options of one request. */
export interface RequestOptions {
  query?: QueryParams;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (form data, text); ignored when `json` is given. */
  body?: string | URLSearchParams | Uint8Array;
  /** `json` (default) parses the body; `text` returns it as a string. */
  responseType?: "json" | "text";
  /** Aborting cancels the request and any wait, and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this request. */
  timeoutMs?: number;
  /** `false` sends a single attempt (for non-idempotent calls). Default `true`. */
  retry?: boolean;
}

/** {@link RequestOptions} with the zod schema the body must satisfy. */
export interface ValidatedRequestOptions<T> extends RequestOptions {
  schema: ZodType<T>;
}

/** A successful response. */
export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed (and validated, when a schema was given) body; `undefined` for an empty JSON body. */
  data: T;
  /** Final URL (after redirects), redacted. */
  url: string;
  /**
   * Absolute final URL without the client's auth parameter, used to resolve relative pagination links. Other
   * query values are kept as sent, so log `url`, never this.
   */
  location: string;
}

/**
 * A client for one source API. Every method retries network errors, timeouts, 408, 429 and 5xx (honouring
 * `Retry-After`), never other 4xx; throws `SourceHttpError` for a failed request, `RetryExhaustedError` (with
 * the last `SourceHttpError` as `cause`) when retries run out, and `ResponseValidationError` when the body does
 * not match the schema.
 */
export interface HttpClient {
  /** The base URL, redacted. */
  readonly baseUrl: string;
  /** Sends a request and returns the whole response. */
  send<T>(method: HttpMethod, path: string, options: ValidatedRequestOptions<T>): Promise<HttpResponse<T>>;
  send(method: HttpMethod, path: string, options?: RequestOptions): Promise<HttpResponse<unknown>>;
  /** Sends a request and returns its body. */
  request<T>(method: HttpMethod, path: string, options: ValidatedRequestOptions<T>): Promise<T>;
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
  /** `GET` returning the body. */
  get<T>(path: string, options: ValidatedRequestOptions<T>): Promise<T>;
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /** `POST` returning the body. */
  post<T>(path: string, options: ValidatedRequestOptions<T>): Promise<T>;
  post(path: string, options?: RequestOptions): Promise<unknown>;
}
