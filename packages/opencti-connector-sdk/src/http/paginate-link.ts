import { ResponseValidationError } from "../errors/response-validation-error.js";
import type { HttpClient } from "./http-client-types.js";
import { findLink } from "./link-header.js";
import { type ArrayItem, fetchPage, type Page, type PaginationOptions, pageItems } from "./pagination.js";

/** Options of {@link paginateLink}. */
export interface LinkPaginationOptions<TBody, TItem> extends PaginationOptions<TBody, TItem> {
  /** Relation type to follow. Default `next`. */
  rel?: string;
}

/**
 * A page of {@link paginateLink}: `nextUrl` (absolute, without the client's auth parameter) is where to resume
 * after it, by passing it back as `path`; `undefined` at the end.
 */
export interface LinkPage<TItem, TBody> extends Page<TItem, TBody> {
  nextUrl: string | undefined;
}

/**
 * Iterates an API paginated by RFC 8288 `Link` headers (`Link: <https://api/items?page=2>; rel="next"`), as
 * GitHub-style APIs do. `query` is sent with the first request only (next links carry their own). A next link
 * on another origin is refused, so credentials never leave the source: the page carrying it is yielded (with no
 * `nextUrl`), then the iteration throws a `ResponseValidationError` on field `headers.link`.
 */
export async function* paginateLink<TBody, TItem = ArrayItem<TBody>>(
  client: Pick<HttpClient, "send">,
  path: string,
  options: LinkPaginationOptions<TBody, TItem>,
): AsyncGenerator<LinkPage<TItem, TBody>, void, undefined> {
  const { rel = "next", ...rest } = options;
  let target = path;
  let query = options.query;
  for (let index = 0; index < (options.maxPages ?? Number.POSITIVE_INFINITY); index++) {
    const response = await fetchPage(client, target, rest, query);
    const items = pageItems(response, options.items);
    const link = findLink(response.headers.get("link"), rel);
    const next = link === undefined ? undefined : new URL(link, response.location);
    const foreign = next !== undefined && next.origin !== new URL(response.location).origin;
    const nextUrl = foreign ? undefined : next?.href;
    yield { items, body: response.data, url: response.url, index, nextUrl };
    if (foreign) {
      // Thrown after the page was consumed, so its items can still be checkpointed.
      throw new ResponseValidationError({
        method: "GET",
        url: response.url,
        issues: [{ field: "headers.link", message: `the ${rel} link points to another origin (${next.origin})` }],
      });
    }
    if (nextUrl === undefined) return;
    target = nextUrl;
    query = undefined;
  }
}
