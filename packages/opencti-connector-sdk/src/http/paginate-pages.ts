import type { HttpClient } from "./http-client-types.js";
import { type ArrayItem, fetchPage, type Page, type PaginationOptions, pageItems } from "./pagination.js";

/** Options of {@link paginatePages}. */
export interface PageNumberPaginationOptions<TBody, TItem> extends PaginationOptions<TBody, TItem> {
  /** Default `page`. */
  pageParam?: string;
  /** Number of the first page to fetch (to resume from a checkpoint). Default 1. */
  firstPage?: number;
  /** Page size, sent as `pageSizeParam` when given; a shorter page ends the iteration. */
  pageSize?: number;
  /** Default `per_page`. */
  pageSizeParam?: string;
  /** Number of the last page, when the body tells it. */
  lastPage?: (body: TBody) => number | null | undefined;
}

/** A page of {@link paginatePages}: `nextPage` is where to resume after it. */
export interface NumberedPage<TItem, TBody> extends Page<TItem, TBody> {
  page: number;
  nextPage: number;
}

/**
 * Iterates a page-number API (`?page=1`, `?page=2`, …). Stops after a page shorter than `pageSize` or the
 * page `lastPage` reports; an empty page ends the iteration without being yielded.
 */
export async function* paginatePages<TBody, TItem = ArrayItem<TBody>>(
  client: Pick<HttpClient, "send">,
  path: string,
  options: PageNumberPaginationOptions<TBody, TItem>,
): AsyncGenerator<NumberedPage<TItem, TBody>, void, undefined> {
  const { pageParam = "page", firstPage = 1, pageSize, pageSizeParam = "per_page", lastPage, ...rest } = options;
  let page = firstPage;
  for (let index = 0; index < (options.maxPages ?? Number.POSITIVE_INFINITY); index++) {
    const query = {
      ...options.query,
      [pageParam]: page,
      ...(pageSize === undefined ? {} : { [pageSizeParam]: pageSize }),
    };
    const response = await fetchPage(client, path, rest, query);
    const items = pageItems(response, options.items);
    if (items.length === 0) return;
    yield { items, body: response.data, url: response.url, index, page, nextPage: page + 1 };
    const last = lastPage?.(response.data);
    if ((pageSize !== undefined && items.length < pageSize) || (typeof last === "number" && page >= last)) return;
    page++;
  }
}
