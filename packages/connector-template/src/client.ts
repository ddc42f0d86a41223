import {
  type HttpClient,
  type HttpClientOptions,
  paginateCursor,
  ResponseValidationError,
} from "@org/opencti-connector-sdk";
import { z } from "zod";

/** Path of the source's indicator listing, under `api_base_url`. */
export const INDICATORS_PATH = "/v1/indicators";
/** Header carrying `api_key` on every request. */
export const API_KEY_HEADER = "X-Api-Key";
/** Records asked for per page (the API's `limit`). */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * What the client needs of every record: its id and `updated_at`, the incremental cursor. A page whose records
 * lack them is rejected (the run fails and the cursor stays where it was). The other fields are kept as given and
 * checked record by record in the mapping, so one malformed record is skipped instead of blocking the feed.
 */
export const sourceRecordSchema = z.looseObject({
  id: z.string().min(1),
  updated_at: z.iso.datetime({ offset: true }),
});

/** A record as the source returned it: `id` and `updated_at` checked, the rest for the mapping to read. */
export type SourceRecord = z.output<typeof sourceRecordSchema>;

/** One page of `GET /v1/indicators`: records oldest first, and the opaque cursor of the next page. */
export const indicatorPageSchema = z.object({
  data: z.array(sourceRecordSchema),
  next_cursor: z.string().min(1).nullable(),
});

/** The two settings the client is built from (`TEMPLATE_API_BASE_URL`, `TEMPLATE_API_KEY`). */
export interface TemplateApiSettings {
  api_base_url: string;
  api_key: string;
}

/**
 * The options of the SDK's HTTP client for the source: every path under `api_base_url`, `api_key` in the
 * `X-Api-Key` header (redacted from every log line and error). Retries, `Retry-After`, timeouts and the typed
 * errors come with the SDK's client.
 */
export function templateHttpOptions(settings: TemplateApiSettings): HttpClientOptions {
  return { baseUrl: settings.api_base_url, auth: { type: "header", name: API_KEY_HEADER, value: settings.api_key } };
}

/** Options of {@link TemplateClient}. */
export interface TemplateClientOptions {
  /** Records per page; default {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
}

/**
 * The source API client: lists the indicators updated after a point in time, page by page (cursor pagination),
 * oldest first. It sends requests through the SDK's `HttpClient`, so it never handles credentials, retries or
 * status codes itself: a failed request throws `SourceHttpError` (retryable ones are retried first), a body that
 * does not match {@link indicatorPageSchema} throws `ResponseValidationError`.
 */
export class TemplateClient {
  readonly #http: Pick<HttpClient, "send">;
  readonly #pageSize: number;

  constructor(http: Pick<HttpClient, "send">, options: TemplateClientOptions = {}) {
    this.#http = http;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /**
   * Yields the records whose `updated_at` is strictly after `since` (ISO 8601), one array per page, in
   * `updated_at` order; the last record of a page is the checkpoint to resume from.
   *
   * @throws ResponseValidationError when a page is malformed or its records are not in `updated_at` order (a
   * checkpoint would then skip the records after it).
   */
  async *indicatorsSince(since: string, signal?: AbortSignal): AsyncGenerator<SourceRecord[], void, undefined> {
    let previous = Date.parse(since);
    const pages = paginateCursor(this.#http, INDICATORS_PATH, {
      schema: indicatorPageSchema,
      items: (body) => body.data,
      nextCursor: (body) => body.next_cursor,
      cursorParam: "cursor",
      query: { since, limit: this.#pageSize },
      ...(signal ? { signal } : {}),
    });
    for await (const page of pages) {
      page.items.forEach((record, index) => {
        const at = Date.parse(record.updated_at);
        if (at < previous) {
          throw new ResponseValidationError({
            method: "GET",
            url: page.url,
            issues: [
              {
                field: `data[${index}].updated_at`,
                message: `${record.updated_at} is before the previous record's (or since): records must come in updated_at order`,
              },
            ],
          });
        }
        previous = at;
      });
      yield page.items;
    }
  }
}
