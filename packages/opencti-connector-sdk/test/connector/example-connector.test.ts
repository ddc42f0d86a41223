import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { GraphQLServer } from "../support/graphql-server.js";
import { harness, NEVER_MS, START } from "./connector-harness.js";
import { AcmeConnector } from "./support/acme-connector.js";
import { workCalls } from "./support/fake-platform.js";

const API_KEY = "acme-key-5f1c9e2b7d";

let server: GraphQLServer | undefined;
let source: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise<void>((resolve) => (source ? source.close(() => resolve()) : resolve()));
  source = undefined;
});

/** A source API with two cursor pages; the first request is answered 503 once. */
async function startSource(): Promise<{ url: string; requests: URL[] }> {
  const requests: URL[] = [];
  let failed = false;
  source = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? "/", "http://source");
    requests.push(url);
    if (request.headers["x-api-key"] !== API_KEY) {
      response.writeHead(401).end();
      return;
    }
    if (!failed) {
      failed = true;
      response.writeHead(503).end();
      return;
    }
    const page =
      url.searchParams.get("cursor") === null
        ? {
            items: [
              { id: "a1", ip: "198.51.100.1", seen: "2026-02-10T00:00:00.000Z" },
              { id: "a2", ip: "", seen: "2026-02-11T00:00:00.000Z" },
            ],
            next: "page-2",
          }
        : { items: [{ id: "a3", ip: "198.51.100.3", seen: "2026-02-12T00:00:00.000Z" }], next: null };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => source?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(source.address() as AddressInfo).port}`, requests };
}

describe("the ExternalImportConnector TSDoc example", () => {
  it("is this file, word for word", () => {
    const doc = readFileSync(new URL("../../src/connector/external-import-connector.ts", import.meta.url), "utf8");
    const block = /\* @example\n \* ```ts\n([\s\S]*?) \* ```\n/.exec(doc)?.[1] ?? "";
    const example = block.replace(/^ \* ?/gm, "");
    const file = readFileSync(new URL("./support/acme-connector.ts", import.meta.url), "utf8");
    expect(example).toBe(file.replace('"../../../src/index.js"', '"@org/opencti-connector-sdk"'));
  });

  it("imports a paginated source through the SDK's HTTP client, skipping the unmappable item, with its key redacted", async () => {
    const h = await harness();
    server = h.server;
    const feed = await startSource();
    let logs = "";
    const connector = new AcmeConnector({
      env: {
        ...h.env,
        CONNECTOR_LOG_LEVEL: "debug",
        CONNECTOR_EXPOSE_METRICS: "true",
        ACME_API_BASE_URL: feed.url,
        ACME_API_KEY: API_KEY,
      },
      cwd: "/nonexistent",
      clock: h.clock,
      logStream: new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          logs += chunk.toString("utf8");
          done();
        },
      }),
      createSender: h.sender.factory,
      pingIntervalMs: NEVER_MS,
      random: () => 0.5,
      metricsPort: 0,
      metricsHost: "127.0.0.1",
    });
    const result = await h.drive(connector.run());
    expect(result.exitCode).toBe(0);
    expect(feed.requests.map((u) => [u.pathname, u.searchParams.get("since"), u.searchParams.get("cursor")])).toEqual([
      ["/v1/indicators", "2026-01-13T22:00:00.000Z", null],
      ["/v1/indicators", "2026-01-13T22:00:00.000Z", null],
      ["/v1/indicators", "2026-01-13T22:00:00.000Z", "page-2"],
    ]);
    expect(h.clock.now() - START).toBe(500);
    expect(h.platform.state).toBe('{"since":"2026-02-12T00:00:00.000Z","last_run":"2026-02-12T22:00:00.500Z"}');
    expect(workCalls(h.server).at(-1)?.[1]).toMatchObject({
      message: "Imported 3 records as 8 STIX objects in 2 batches (8 messages), 1 record skipped",
      inError: false,
    });
    expect(logs).toContain('"record_id": "a2"');
    expect(logs).not.toContain(API_KEY);
  });
});
