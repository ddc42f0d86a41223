import type { ZodType } from "zod";
import { systemClock } from "../clock/clock.js";
import type { ResponseValidationError } from "../errors/response-validation-error.js";
import { SourceHttpError } from "../errors/source-http-error.js";
import { noopLogger } from "../logging/logger.js";
import { parseRetryAfter } from "../retry/backoff.js";
import { withRetry } from "../retry/retry.js";
import type {
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpResponse,
  RequestOptions,
} from "./http-client-types.js";
import { createRedactor, type Redactor } from "./redactor.js";
import { buildRequestUrl } from "./request-url.js";
import { parseJsonBody, validateBody } from "./response-body.js";
import { TokenBucket } from "./token-bucket.js";

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_USER_AGENT = "opencti-connector-sdk-ts";
/** Longest excerpt of an error body kept on a {@link SourceHttpError}. */
const ERROR_BODY_LIMIT = 500;

/** Reason a timed-out attempt's fetch is aborted with, to tell it from the caller's own abort. */
class AttemptTimeout extends Error {}

/** What one successful attempt returns before parsing. */
interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  url: URL;
}

/**
 * Creates an {@link HttpClient} for one source API, built on `fetch`.
 *
 * @example
 * ```ts
 * const client = createHttpClient({
 *   baseUrl: "https://feed.example/api/v1",
 *   auth: { type: "header", name: "X-Api-Key", value: config.mysource.api_key },
 *   rateLimit: { requestsPerSecond: 5 },
 *   logger,
 * });
 * const page = await client.get("/indicators", { query: { limit: 100 }, schema: IndicatorPage });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = new URL(String(options.baseUrl));
  if (baseUrl.username !== "" || baseUrl.password !== "") {
    throw new RangeError("baseUrl must not contain credentials: pass them as `auth`");
  }
  const auth = checkAuth(options.auth);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? noopLogger;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const redactor: Redactor = createRedactor({
    secretValues: auth ? [auth.value] : [],
    secretQueryParams: [...(options.secretQueryParams ?? []), ...(auth?.type === "query" ? [auth.name] : [])],
  });
  const limiter = options.rateLimit ? new TokenBucket({ clock, ...options.rateLimit }) : undefined;
  const authQuery = auth?.type === "query" ? { name: auth.name, value: auth.value } : undefined;
  const baseHeaders = new Headers(options.headers);
  baseHeaders.set("User-Agent", options.userAgent ?? DEFAULT_USER_AGENT);
  if (auth?.type === "bearer") baseHeaders.set("Authorization", `Bearer ${auth.value}`);
  if (auth?.type === "header") baseHeaders.set(auth.name, auth.value);

  const countError = (error: SourceHttpError | ResponseValidationError) => options.onClientError?.(error);

  async function attempt(
    method: HttpMethod,
    url: URL,
    init: { headers: Headers; body: string | URLSearchParams | Uint8Array | undefined },
    number: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    await limiter?.acquire(signal);
    const redactedUrl = redactor.url(url);
    const started = clock.now();
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = new AbortController();
    if (timeoutMs > 0) {
      clock.sleep(timeoutMs, timer.signal).then(
        () => controller.abort(new AttemptTimeout()),
        () => {},
      );
    }
    const log = (status: number | undefined, extra: Record<string, unknown> = {}) =>
      logger.debug("Source request", {
        method,
        url: redactedUrl,
        status: status ?? null,
        duration_ms: clock.now() - started,
        attempt: number,
        ...extra,
      });
    try {
      const response = await fetchImpl(url, {
        method,
        headers: init.headers,
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: controller.signal,
      });
      const text = method === "HEAD" ? "" : await response.text();
      log(response.status);
      if (!response.ok) {
        throw new SourceHttpError({
          kind: "status",
          method,
          url: redactedUrl,
          status: response.status,
          statusText: response.statusText,
          body: redactor.text(text.slice(0, ERROR_BODY_LIMIT)),
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), clock.now()),
        });
      }
      return { status: response.status, headers: response.headers, text, url: new URL(response.url || url) };
    } catch (error) {
      if (SourceHttpError.isInstance(error)) {
        countError(error);
        throw error;
      }
      // The caller's own abort is not a source failure: rethrow its reason untouched.
      if (signal?.aborted) throw signal.reason;
      const timedOut = controller.signal.reason instanceof AttemptTimeout;
      const failure = new SourceHttpError({
        kind: timedOut ? "timeout" : "network",
        method,
        url: redactedUrl,
        timeoutMs,
        cause: timedOut ? undefined : error,
      });
      log(undefined, { error: failure.message });
      countError(failure);
      throw failure;
    } finally {
      timer.abort();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function send(method: HttpMethod, path: string, request: RequestOptions & { schema?: ZodType<unknown> } = {}) {
    const url = buildRequestUrl(baseUrl, path, request.query, authQuery);
    const redactedUrl = redactor.url(url);
    const headers = new Headers(baseHeaders);
    const responseType = request.responseType ?? "json";
    if (responseType === "json") headers.set("Accept", "application/json");
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    let body = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers.set("Content-Type", "application/json");
    }
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const retry = options.retry ?? {};
    const raw = await withRetry(
      (number) => attempt(method, url, { headers, body }, number, timeoutMs, request.signal),
      {
        operation: `${method} ${redactedUrl}`,
        clock,
        maxAttempts: request.retry === false ? 1 : (retry.maxAttempts ?? 5),
        ...(retry.baseDelayMs === undefined ? {} : { baseDelayMs: retry.baseDelayMs }),
        ...(retry.maxDelayMs === undefined ? {} : { maxDelayMs: retry.maxDelayMs }),
        ...(retry.deadlineMs === undefined ? {} : { deadlineMs: retry.deadlineMs }),
        ...(request.signal ? { signal: request.signal } : {}),
        ...(options.random ? { random: options.random } : {}),
        onRetry: (event) =>
          logger.warn("Retrying source request", {
            method,
            url: redactedUrl,
            attempt: event.attempt,
            max_attempts: event.maxAttempts,
            delay_ms: event.delayMs,
            reason: event.error instanceof Error ? event.error.message : String(event.error),
          }),
      },
    );
    const origin = { method, url: redactor.url(raw.url) };
    try {
      const parsed = responseType === "text" ? raw.text : parseJsonBody(raw.text, origin, redactor.text);
      const data = request.schema ? validateBody(request.schema, parsed, origin) : parsed;
      return {
        status: raw.status,
        headers: raw.headers,
        data,
        url: origin.url,
        location: withoutParam(raw.url, authQuery?.name),
      } satisfies HttpResponse<unknown>;
    } catch (error) {
      countError(error as ResponseValidationError);
      throw error;
    }
  }

  const request = async (method: HttpMethod, path: string, opts?: RequestOptions) =>
    (await send(method, path, opts)).data;

  // The overloads of HttpClient only narrow the return type by the schema; one implementation serves them all.
  return {
    baseUrl: redactor.url(baseUrl),
    send,
    request,
    get: (path: string, opts?: RequestOptions) => request("GET", path, opts),
    post: (path: string, opts?: RequestOptions) => request("POST", path, opts),
  } as HttpClient;
}

function checkAuth(auth: HttpAuth | undefined): (HttpAuth & { name: string }) | undefined {
  if (!auth) return undefined;
  if (auth.value === "") throw new RangeError("auth.value is empty: set the source API credential");
  if (auth.type === "bearer") return { ...auth, name: "Authorization" };
  if (!auth.name) {
    throw new RangeError(`auth.name is required for auth type "${auth.type}" (the header or query parameter name)`);
  }
  return { ...auth, name: auth.name };
}

function withoutParam(url: URL, name: string | undefined): string {
  if (name === undefined) return url.href;
  const copy = new URL(url);
  copy.searchParams.delete(name);
  return copy.href;
}
