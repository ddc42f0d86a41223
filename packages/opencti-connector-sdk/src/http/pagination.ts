import type { ZodType } from "zod";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import type { HttpClient, HttpResponse, RequestOptions } from "./http-client-types.js";

/** Options shared by every paginator. */
export interface PaginationOptions<TBody, TItem> extends Omit<RequestOptions, "responseType" | "json" | "body"> {
  /** Schema of one page's body; pagination reads fields from it, so it is required. */
  schema: ZodType<TBody>;
  /** Extracts the items of a page. Default: the body itself, which must then be an array. */
  items?: (body: TBody) => readonly TItem[];
  /** Stop after this many pages (a safety net against endless feeds). Default unlimited. */
  maxPages?: number;
}

/** One page yielded by a paginator. */
export interface Page<TItem, TBody> {
  /** The page's items, in order. */
  items: TItem[];
  /** The validated body. */
  body: TBody;
  /** The page's URL, redacted. */
  url: string;
  /** 0-based number of this page within the iteration. */
  index: number;
}

/** The item type of an array body, for the default `items` extractor. */
export type ArrayItem<TBody> = TBody extends readonly (infer E)[] ? E : never;

/** Fetches one page with the paginator's request options. */
export function fetchPage<TBody>(
  client: Pick<HttpClient, "send">,
  path: string,
  options: PaginationOptions<TBody, unknown>,
  query: RequestOptions["query"],
): Promise<HttpResponse<TBody>> {
  const { items: _items, maxPages: _maxPages, ...request } = options;
  return client.send("GET", path, { ...request, query });
}

/** The items of a page, through the extractor or, by default, the body when it is an array. */
export function pageItems<TBody, TItem>(
  response: HttpResponse<TBody>,
  extract: ((body: TBody) => readonly TItem[]) | undefined,
): TItem[] {
  if (extract) return [...extract(response.data)];
  if (Array.isArray(response.data)) return [...(response.data as TItem[])];
  throw new ResponseValidationError({
    method: "GET",
    url: response.url,
    issues: [{ field: "(body)", message: "expected an array of items; pass `items` to extract them from the page" }],
  });
}
