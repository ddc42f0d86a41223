import { createHttpClient, ResponseValidationError, SourceHttpError } from "@org/opencti-connector-sdk";
import { afterEach, describe, expect, it } from "vitest";
import {
  FIXTURE_API_KEY,
  type FixtureServerOptions,
  SAMPLE_RECORDS,
  startFixtureServer,
} from "../dev/fixture-server.js";
import { API_KEY_HEADER, INDICATORS_PATH, TemplateClient, templateHttpOptions } from "../src/client.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const EPOCH = "2000-01-01T00:00:00.000Z";

/** A fixture server and a client on it; retries wait 0 ms (full jitter with `random` = 0). */
async function setup(options: FixtureServerOptions = {}, apiKey = options.apiKey ?? FIXTURE_API_KEY) {
  const server = await startFixtureServer(options);
  servers.push(server);
  const http = createHttpClient({
    ...templateHttpOptions({ api_base_url: server.url, api_key: apiKey }),
    random: () => 0,
  });
  return { server, client: new TemplateClient(http, { pageSize: 5 }) };
}

async function collect(client: TemplateClient, since: string): Promise<string[][]> {
  const pages: string[][] = [];
  for await (const records of client.indicatorsSince(since)) pages.push(records.map((record) => record.id));
  return pages;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("TemplateClient against the fixture server", () => {
  it("pages through every record updated after since, with the key, the limit and the next cursor", async () => {
    const { server, client } = await setup();
    expect(await collect(client, EPOCH)).toEqual([
      ["TPL-0001", "TPL-0002", "TPL-0003", "TPL-0004", "TPL-0005"],
      ["TPL-0006", "TPL-0007", "TPL-0008", "TPL-0009", "TPL-0010"],
      ["TPL-0011", "TPL-0012"],
    ]);
    expect(server.requests.map((request) => [request.path, request.apiKey, request.query])).toEqual([
      [INDICATORS_PATH, FIXTURE_API_KEY, { since: EPOCH, limit: "5" }],
      [INDICATORS_PATH, FIXTURE_API_KEY, { since: EPOCH, limit: "5", cursor: expect.any(String) }],
      [INDICATORS_PATH, FIXTURE_API_KEY, { since: EPOCH, limit: "5", cursor: expect.any(String) }],
    ]);
    expect(API_KEY_HEADER).toBe("X-Api-Key");
  });

  it("asks only for what changed after the cursor", async () => {
    const { client } = await setup();
    const cursor = SAMPLE_RECORDS[9]?.updated_at as string;
    expect(await collect(client, cursor)).toEqual([["TPL-0011", "TPL-0012"]]);
    expect(await collect(client, SAMPLE_RECORDS[11]?.updated_at as string)).toEqual([[]]);
  });

  it("fails at once on a refused key, without the key in the error", async () => {
    const { server, client } = await setup({ apiKey: "the-right-key" }, "a-wrong-key");
    const error = await rejection(collect(client, EPOCH));
    expect(SourceHttpError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, isRetryable: false });
    expect(JSON.stringify(error) + String(error)).not.toContain("a-wrong-key");
    expect(server.requests).toHaveLength(1);
  });

  it("retries a temporary failure of the source", async () => {
    const { server, client } = await setup({ failure: { status: 503, count: 2 } });
    expect((await collect(client, EPOCH)).flat()).toHaveLength(12);
    expect(server.requests.map((request) => request.status)).toEqual([503, 503, 200, 200, 200]);
  });

  it("rejects a page whose records lack the cursor field, naming it", async () => {
    const { client } = await setup({ records: [{ id: "TPL-9", updated_at: "yesterday" }] });
    const error = await rejection(collect(client, EPOCH));
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: "data[0].updated_at" });
  });

  it("rejects records out of updated_at order, which a checkpoint would skip", async () => {
    const records = [
      { id: "TPL-1", updated_at: "2026-01-02T00:00:00Z" },
      { id: "TPL-2", updated_at: "2026-01-01T00:00:00Z" },
    ];
    const { client } = await setup({ records });
    const error = await rejection(collect(client, EPOCH));
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: "data[1].updated_at" });
  });
});
