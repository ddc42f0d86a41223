import type { HttpClient } from "./http-client-types.js";
import { type ArrayItem, fetchPage, type Page, type PaginationOptions, pageItems } from "./pagination.js";

/** Options of {@link paginateOffset}. */
export interface OffsetPaginationOptions<TBody, TItem> extends PaginationOptions<TBody, TItem> {
  /** Page size sent as `limitParam`. */
  limit: number;
  /** Default `offset`. */
  offsetParam?: string;
  /** Default `limit`. */
  limitParam?: string;
  /** First offset (to resume from a checkpoint). Default 0. */
  startOffset?: number;
  /** Total number of items, when the body tells it; iteration stops once it is reached. */
  total?: (body: TBody) => number | null | undefined;
}

/** A page of {@link paginateOffset}: `nextOffset` is where to resume after it. */
export interface OffsetPage<TItem, TBody> extends Page<TItem, TBody> {
  offset: number;
  nextOffset: number;
}

/**
 * Iterates an offset/limit API (`?offset=0&limit=100`, then `offset=100`, …) one page at a time. Stops after a
 * page shorter than `limit` or once `total` items were read; an empty page ends the iteration without being
 * yielded.
 *
 * @example
 * ```ts
 * for await (const page of paginateOffset(client, "/indicators", { limit: 500, schema: Body, items: (b) => b.data })) {
 *   yield page.items;
 * }
 * ```
 */
export async function* paginateOffset<TBody, TItem = ArrayItem<TBody>>(
  client: Pick<HttpClient, "send">,
  path: string,
  options: OffsetPaginationOptions<TBody, TItem>,
): AsyncGenerator<OffsetPage<TItem, TBody>, void, undefined> {
  const { limit, offsetParam = "offset", limitParam = "limit", startOffset = 0, total, ...rest } = options;
  if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let offset = startOffset;
  for (let index = 0; index < (options.maxPages ?? Number.POSITIVE_INFINITY); index++) {
    const response = await fetchPage(client, path, rest, {
      ...options.query,
      [offsetParam]: offset,
      [limitParam]: limit,
    });
    const items = pageItems(response, options.items);
    if (items.length === 0) return;
    const nextOffset = offset + items.length;
    yield { items, body: response.data, url: response.url, index, offset, nextOffset };
    const known = total?.(response.data);
    if (items.length < limit || (typeof known === "number" && nextOffset >= known)) return;
    offset = nextOffset;
  }
}
