import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { ResponseValidationError } from "../../src/errors/response-validation-error.js";
import { createHttpClient } from "../../src/http/http-client.js";
import { paginateCursor } from "../../src/http/paginate-cursor.js";
import { paginateLink } from "../../src/http/paginate-link.js";
import { paginateOffset } from "../../src/http/paginate-offset.js";
import { paginatePages } from "../../src/http/paginate-pages.js";
import { type SourceServer, sendJson, startSourceServer } from "./source-server.js";

const ITEMS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `id-${n}` }));
const Item = z.object({ id: z.string() });

let server: SourceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

function clientFor(origin: string) {
  return createHttpClient({
    baseUrl: `${origin}/v1`,
    auth: { type: "query", name: "key", value: "feed-key-123" },
    clock: new FakeClock(),
    timeoutMs: 0,
  });
}

const params = (url: string) => new URL(url, "http://x").searchParams;

describe("paginators against a local HTTP server", () => {
  it("paginateOffset walks offset/limit pages until a short page", async () => {
    server = await startSourceServer((req, res) => {
      const q = params(req.url);
      const offset = Number(q.get("skip"));
      sendJson(res, 200, { data: ITEMS.slice(offset, offset + Number(q.get("size"))), total: ITEMS.length });
    });
    const pages = await collect(
      paginateOffset(clientFor(server.origin), "/indicators", {
        limit: 3,
        offsetParam: "skip",
        limitParam: "size",
        query: { type: "ipv4" },
        schema: z.object({ data: z.array(Item), total: z.number() }),
        items: (body) => body.data,
      }),
    );
    expect(pages.map((p) => [p.index, p.offset, p.nextOffset, p.items.map((i) => i.id)])).toEqual([
      [0, 0, 3, ["id-1", "id-2", "id-3"]],
      [1, 3, 6, ["id-4", "id-5", "id-6"]],
      [2, 6, 7, ["id-7"]],
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/indicators?type=ipv4&skip=0&size=3&key=feed-key-123",
      "/v1/indicators?type=ipv4&skip=3&size=3&key=feed-key-123",
      "/v1/indicators?type=ipv4&skip=6&size=3&key=feed-key-123",
    ]);
    expect(pages[0]?.url).toBe(`${server.origin}/v1/indicators?type=ipv4&skip=0&size=3&key=[REDACTED]`);
  });

  it("paginateOffset stops at the reported total, resumes from startOffset and ends on an empty page", async () => {
    const six = ITEMS.slice(0, 6);
    server = await startSourceServer((req, res) => {
      const q = params(req.url);
      const offset = Number(q.get("offset"));
      sendJson(res, 200, { data: six.slice(offset, offset + Number(q.get("limit"))), total: six.length });
    });
    const client = clientFor(server.origin);
    const schema = z.object({ data: z.array(Item), total: z.number() });
    const withTotal = await collect(
      paginateOffset(client, "/x", { limit: 3, schema, items: (b) => b.data, total: (b) => b.total }),
    );
    expect(withTotal.map((p) => p.offset)).toEqual([0, 3]);
    expect(server.requests).toHaveLength(2);
    const resumed = await collect(
      paginateOffset(client, "/x", { limit: 3, startOffset: 3, schema, items: (b) => b.data }),
    );
    expect(resumed.map((p) => p.items.map((i) => i.id))).toEqual([["id-4", "id-5", "id-6"]]);
    // Without a total, the page after a full last page is fetched, found empty and not yielded.
    expect(server.requests.slice(2).map((r) => params(r.url).get("offset"))).toEqual(["3", "6"]);
  });

  it("paginatePages walks page numbers with a page size", async () => {
    server = await startSourceServer((req, res) => {
      const q = params(req.url);
      const size = Number(q.get("per_page"));
      const page = Number(q.get("page"));
      sendJson(res, 200, ITEMS.slice((page - 1) * size, page * size));
    });
    const pages = await collect(
      paginatePages(clientFor(server.origin), "/list", { pageSize: 3, schema: z.array(Item) }),
    );
    expect(pages.map((p) => [p.page, p.nextPage, p.items.length])).toEqual([
      [1, 2, 3],
      [2, 3, 3],
      [3, 4, 1],
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/list?page=1&per_page=3&key=feed-key-123",
      "/v1/list?page=2&per_page=3&key=feed-key-123",
      "/v1/list?page=3&per_page=3&key=feed-key-123",
    ]);
  });

  it("paginatePages stops at lastPage and honours maxPages", async () => {
    server = await startSourceServer((req, res) => {
      const page = Number(params(req.url).get("p"));
      sendJson(res, 200, { results: ITEMS.slice(page * 2, page * 2 + 2), pages: 2 });
    });
    const client = clientFor(server.origin);
    const schema = z.object({ results: z.array(Item), pages: z.number() });
    const pages = await collect(
      paginatePages(client, "/r", {
        pageParam: "p",
        firstPage: 0,
        schema,
        items: (b) => b.results,
        lastPage: (b) => b.pages,
      }),
    );
    expect(pages.map((p) => p.page)).toEqual([0, 1, 2]);
    const capped = await collect(
      paginatePages(client, "/r", { pageParam: "p", schema, items: (b) => b.results, maxPages: 1 }),
    );
    expect(capped.map((p) => p.page)).toEqual([1]);
    expect(server.requests).toHaveLength(4);
  });

  it("paginateCursor follows the next cursor from the body until it is absent", async () => {
    server = await startSourceServer((req, res) => {
      const cursor = params(req.url).get("after");
      const start = cursor === null ? 0 : Number(cursor.replace("c", ""));
      const next = start + 3 < ITEMS.length ? `c${start + 3}` : null;
      sendJson(res, 200, { items: ITEMS.slice(start, start + 3), meta: { next } });
    });
    const pages = await collect(
      paginateCursor(clientFor(server.origin), "/events", {
        cursorParam: "after",
        schema: z.object({ items: z.array(Item), meta: z.object({ next: z.string().nullable() }) }),
        items: (b) => b.items,
        nextCursor: (b) => b.meta.next,
      }),
    );
    expect(pages.map((p) => [p.cursor, p.nextCursor, p.items.length])).toEqual([
      [undefined, "c3", 3],
      ["c3", "c6", 3],
      ["c6", undefined, 1],
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/events?key=feed-key-123",
      "/v1/events?after=c3&key=feed-key-123",
      "/v1/events?after=c6&key=feed-key-123",
    ]);
  });

  it("paginateCursor resumes from startCursor and stops when the server repeats a cursor", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 200, { items: [], next: "same" }));
    const pages = await collect(
      paginateCursor(clientFor(server.origin), "/loop", {
        startCursor: "same",
        schema: z.object({ items: z.array(Item), next: z.string() }),
        items: (b) => b.items,
        nextCursor: (b) => b.next,
      }),
    );
    expect(pages.map((p) => [p.cursor, p.nextCursor])).toEqual([["same", undefined]]);
    expect(server.requests).toHaveLength(1);
  });

  it("paginateLink follows relative and absolute Link rel=next headers, sending the query only once", async () => {
    server = await startSourceServer((req, res) => {
      const page = Number(params(req.url).get("page") ?? "1");
      const links: Record<number, string> = {
        1: `</v1/repos?page=2>; rel="next", </v1/repos?page=3>; rel="last"`,
        2: `<${server?.origin}/v1/repos?page=3>; rel="next"`,
      };
      sendJson(res, 200, ITEMS.slice((page - 1) * 3, page * 3), links[page] ? { link: links[page] } : {});
    });
    const pages = await collect(
      paginateLink(clientFor(server.origin), "/repos", { query: { sort: "updated" }, schema: z.array(Item) }),
    );
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.nextUrl)).toEqual([
      `${server.origin}/v1/repos?page=2`,
      `${server.origin}/v1/repos?page=3`,
      undefined,
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/repos?sort=updated&key=feed-key-123",
      "/v1/repos?page=2&key=feed-key-123",
      "/v1/repos?page=3&key=feed-key-123",
    ]);
  });

  it("paginateLink refuses a next link on another origin", async () => {
    server = await startSourceServer((_req, res) =>
      sendJson(res, 200, [], { link: '<https://elsewhere.example/steal>; rel="next"' }),
    );
    const iterator = paginateLink(clientFor(server.origin), "/repos", { schema: z.array(Item) });
    const first = await iterator.next();
    expect(first.done === false && first.value.nextUrl).toBeUndefined();
    const failure = await iterator.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(ResponseValidationError.isInstance(failure)).toBe(true);
    expect((failure as ResponseValidationError).message).toBe(
      `Invalid response from GET ${server.origin}/v1/repos?key=[REDACTED]: field \`headers.link\`: ` +
        "the next link points to another origin (https://elsewhere.example)",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("requires an items extractor when the body is not an array", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 200, { data: [] }));
    const pages = paginatePages(clientFor(server.origin), "/p", { schema: z.object({ data: z.array(Item) }) });
    await expect(pages.next()).rejects.toThrow(
      "field `(body)`: expected an array of items; pass `items` to extract them from the page",
    );
  });
});
