import type { HttpClient } from "./http-client-types.js";
import { type ArrayItem, fetchPage, type Page, type PaginationOptions, pageItems } from "./pagination.js";

/** Options of {@link paginateCursor}. */
export interface CursorPaginationOptions<TBody, TItem> extends PaginationOptions<TBody, TItem> {
  /** Reads the next cursor from a page; `null`, `undefined` or `""` ends the iteration. */
  nextCursor: (body: TBody) => string | number | null | undefined;
  /** Default `cursor`. */
  cursorParam?: string;
  /** Cursor of the first request (to resume from a checkpoint); none by default. */
  startCursor?: string | number;
}

/** A page of {@link paginateCursor}: `nextCursor` is where to resume after it (`undefined` at the end). */
export interface CursorPage<TItem, TBody> extends Page<TItem, TBody> {
  cursor: string | undefined;
  nextCursor: string | undefined;
}

/**
 * Iterates a cursor API: each body carries the cursor of the next page, sent back as `cursorParam`. Stops when
 * the body has no next cursor, or repeats the cursor it was asked for (which would loop forever). Every page is
 * yielded, even an empty one, because it carries the cursor to resume from.
 */
export async function* paginateCursor<TBody, TItem = ArrayItem<TBody>>(
  client: Pick<HttpClient, "send">,
  path: string,
  options: CursorPaginationOptions<TBody, TItem>,
): AsyncGenerator<CursorPage<TItem, TBody>, void, undefined> {
  const { nextCursor: readCursor, cursorParam = "cursor", startCursor, ...rest } = options;
  let cursor = startCursor === undefined ? undefined : String(startCursor);
  for (let index = 0; index < (options.maxPages ?? Number.POSITIVE_INFINITY); index++) {
    const response = await fetchPage(client, path, rest, { ...options.query, [cursorParam]: cursor });
    const items = pageItems(response, options.items);
    const raw = readCursor(response.data);
    const next = raw === null || raw === undefined || raw === "" || String(raw) === cursor ? undefined : String(raw);
    yield { items, body: response.data, url: response.url, index, cursor, nextCursor: next };
    if (next === undefined) return;
    cursor = next;
  }
}
