import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import sample from "../fixtures/sample-feed.json" with { type: "json" };
import { API_KEY_HEADER, INDICATORS_PATH } from "../src/client.js";

/** The API key the fixture server accepts unless told otherwise. */
export const FIXTURE_API_KEY = "template-fixture-key";

/** Timestamp fields of a record that {@link FixtureServerOptions.rebaseTo} shifts. */
const DATE_FIELDS = ["first_seen", "valid_until", "updated_at"] as const;

/** A record of the sample feed (or any record a test serves): `updated_at` is required to filter and order. */
export type FixtureRecord = Readonly<Record<string, unknown>> & { readonly updated_at: string };

const recordsSchema = z.array(z.looseObject({ id: z.string().min(1), updated_at: z.iso.datetime({ offset: true }) }));

/** The bundled sample feed (`fixtures/sample-feed.json`), in `updated_at` order. */
export const SAMPLE_RECORDS: readonly FixtureRecord[] = recordsSchema.parse(sample.records);

/** One request the server received. */
export interface FixtureRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The API key sent, or `undefined`. */
  apiKey: string | undefined;
  status: number;
}

/** A scripted failure: the next `count` requests get `status` (and `Retry-After` when given). */
export interface FixtureFailure {
  status: number;
  count: number;
  retryAfter?: string;
}

/** Options of {@link startFixtureServer}; every one is optional. */
export interface FixtureServerOptions {
  /** Records to serve, in `updated_at` order. Default {@link SAMPLE_RECORDS}. */
  records?: readonly FixtureRecord[];
  /** Accepted API key. Default {@link FIXTURE_API_KEY}. */
  apiKey?: string;
  /**
   * Shift every date so the newest `updated_at` is one hour before this instant (epoch ms), keeping the gaps:
   * the sample then always falls inside the connector's first-run window (`TEMPLATE_IMPORT_START_DATE`).
   */
  rebaseTo?: number;
  /** Largest page; a bigger `limit` is capped. Default 100. */
  maxPageSize?: number;
  /** Answer the first requests with an error status. */
  failure?: FixtureFailure;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
}

/** A running fixture server. */
export interface FixtureServer {
  /** The base URL to give as `TEMPLATE_API_BASE_URL`. */
  readonly url: string;
  /** The key to give as `TEMPLATE_API_KEY`. */
  readonly apiKey: string;
  /** The records as served (after `rebaseTo`). */
  readonly records: readonly FixtureRecord[];
  /** Every request received, in order. */
  readonly requests: readonly FixtureRequest[];
  close(): Promise<void>;
}

function rebase(records: readonly FixtureRecord[], to: number): FixtureRecord[] {
  const newest = Math.max(...records.map((record) => Date.parse(record.updated_at)));
  const shift = to - 3_600_000 - newest;
  return records.map((record) => {
    const copy: Record<string, unknown> = { ...record };
    for (const field of DATE_FIELDS) {
      const value = copy[field];
      if (typeof value === "string") copy[field] = new Date(Date.parse(value) + shift).toISOString();
    }
    return copy as FixtureRecord;
  });
}

/** Cursors are opaque to clients; here, the offset of the next record among those matching `since`. */
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function decodeCursor(cursor: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : undefined;
}

/**
 * A local stand-in for the Template API, with the same shape, authentication and pagination as the real one:
 * `GET /v1/indicators?since=<ISO 8601>&limit=<n>&cursor=<opaque>` with the key in `X-Api-Key` answers
 * `{ data: [records updated strictly after since, oldest first], next_cursor: string | null }`; a missing or
 * wrong key gets 401, a bad parameter 400, another path 404. Used by the tests, the demo and
 * `pnpm fixture-server`, so the connector runs offline.
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const apiKey = options.apiKey ?? FIXTURE_API_KEY;
  const given = options.records ?? SAMPLE_RECORDS;
  const records = options.rebaseTo === undefined ? [...given] : rebase(given, options.rebaseTo);
  const maxPageSize = options.maxPageSize ?? 100;
  const requests: FixtureRequest[] = [];
  let failuresLeft = options.failure?.count ?? 0;

  /** The answer to one request: status, body and extra headers. */
  const answer = (entry: FixtureRequest, query: Record<string, string>): [number, unknown, Record<string, string>?] => {
    if (failuresLeft > 0 && options.failure) {
      failuresLeft -= 1;
      const { status, retryAfter } = options.failure;
      return [status, { error: "scripted failure" }, retryAfter === undefined ? {} : { "retry-after": retryAfter }];
    }
    if (entry.apiKey !== apiKey) return [401, { error: "missing or invalid API key" }];
    if (entry.path !== INDICATORS_PATH || entry.method !== "GET") return [404, { error: "not found" }];
    const since = query.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.since);
    if (Number.isNaN(since)) return [400, { error: "since must be an ISO 8601 date-time" }];
    const limit = query.limit === undefined ? maxPageSize : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1) return [400, { error: "limit must be a positive integer" }];
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    if (offset === undefined) return [400, { error: "unknown cursor" }];
    // A record whose date does not parse is served as is: checking records is the client's job.
    const matching = records.filter((record) => {
      const at = Date.parse(record.updated_at);
      return Number.isNaN(at) || at > since;
    });
    const end = offset + Math.min(limit, maxPageSize);
    return [200, { data: matching.slice(offset, end), next_cursor: end < matching.length ? encodeCursor(end) : null }];
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fixture.invalid");
    const query = Object.fromEntries(url.searchParams);
    const header = request.headers[API_KEY_HEADER.toLowerCase()];
    const entry: FixtureRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      query,
      apiKey: typeof header === "string" ? header : undefined,
      status: 0,
    };
    requests.push(entry);
    const [status, body, headers] = answer(entry, query);
    entry.status = status;
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    apiKey,
    records,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
