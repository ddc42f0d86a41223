import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { ResponseValidationError } from "../../src/errors/response-validation-error.js";
import { RetryExhaustedError } from "../../src/errors/retry-exhausted-error.js";
import { SourceHttpError } from "../../src/errors/source-http-error.js";
import { createHttpClient } from "../../src/http/http-client.js";
import type { HttpClientOptions } from "../../src/http/http-client-types.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { drive, rejection } from "./drive.js";
import { type SourceServer, sendJson, startSourceServer } from "./source-server.js";

const SECRET = "s3cr3t-api-key-value";

let server: SourceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client on the test server with a fake clock, no request timeout and deterministic jitter. */
function clientFor(origin: string, options: Partial<HttpClientOptions> = {}) {
  const clock = new FakeClock(Date.parse("2026-03-01T00:00:00Z"));
  const logger = createMemoryLogger();
  const clientErrors: unknown[] = [];
  const client = createHttpClient({
    baseUrl: `${origin}/api/v1`,
    clock,
    logger,
    timeoutMs: 0,
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 },
    onClientError: (error) => clientErrors.push(error),
    ...options,
  });
  return { client, clock, logger, clientErrors };
}

describe("createHttpClient against a local HTTP server", () => {
  it("retries 503 with backoff and returns the first success", async () => {
    let calls = 0;
    server = await startSourceServer((_req, res) => {
      calls++;
      if (calls < 3) sendJson(res, 503, { message: "busy" });
      else sendJson(res, 200, { items: [1, 2] });
    });
    const { client, clock, logger, clientErrors } = clientFor(server.origin);
    const started = clock.now();
    const result = await drive(clock, client.get("/items", { query: { limit: 2 } }));
    expect(result).toEqual({ status: "fulfilled", value: { items: [1, 2] } });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/v1/items?limit=2",
      "/api/v1/items?limit=2",
      "/api/v1/items?limit=2",
    ]);
    // Full jitter with random 0.5: 500 ms after attempt 1, 1 000 ms after attempt 2.
    expect(clock.now() - started).toBe(1_500);
    expect(clientErrors).toHaveLength(2);
    expect(logger.entries.filter((e) => e.level === "warn").map((e) => e.attributes.delay_ms)).toEqual([500, 1_000]);
    expect(
      logger.entries.filter((e) => e.level === "debug").map((e) => [e.attributes.status, e.attributes.attempt]),
    ).toEqual([
      [503, 1],
      [503, 2],
      [200, 3],
    ]);
  });

  it("honours Retry-After on 429: the clock waits exactly the server's delay", async () => {
    let calls = 0;
    server = await startSourceServer((_req, res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, { message: "Too many requests" }, { "retry-after": "7" });
      else sendJson(res, 200, { ok: true });
    });
    const { client, clock } = clientFor(server.origin, { random: () => 0 });
    const started = clock.now();
    const result = await drive(clock, client.get("/items"));
    expect(result).toEqual({ status: "fulfilled", value: { ok: true } });
    expect(clock.now() - started).toBe(7_000);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a 404 and reports it as a SourceHttpError", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 404, { message: "no such feed" }));
    const { client, clock, clientErrors } = clientFor(server.origin);
    const error = rejection(await drive(clock, client.get("/missing")));
    expect(SourceHttpError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: "status",
      status: 404,
      isRetryable: false,
      method: "GET",
      url: `${server.origin}/api/v1/missing`,
      body: '{"message":"no such feed"}',
      message: `GET ${server.origin}/api/v1/missing answered HTTP 404 Not Found`,
    });
    expect(server.requests).toHaveLength(1);
    expect(clientErrors).toEqual([error]);
  });

  it("ends in RetryExhaustedError with the last SourceHttpError as cause when 5xx persists", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 500, { message: "boom" }));
    const { client, clock } = clientFor(server.origin, { retry: { maxAttempts: 3 } });
    const error = rejection(await drive(clock, client.get("/items")));
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    const exhausted = error as RetryExhaustedError;
    expect(exhausted.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(exhausted.operation).toBe(`GET ${server.origin}/api/v1/items`);
    expect(SourceHttpError.isInstance(exhausted.cause) && exhausted.cause.status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it("retries network errors", async () => {
    server = await startSourceServer(() => {});
    const origin = server.origin;
    await server.close();
    server = undefined;
    const { client, clock, clientErrors } = clientFor(origin, { retry: { maxAttempts: 2 } });
    const error = rejection(await drive(clock, client.get("/items"))) as RetryExhaustedError;
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect(error.cause).toMatchObject({ kind: "network", isRetryable: true, status: undefined });
    expect((error.cause as Error).message).toBe(`GET ${origin}/api/v1/items failed: network error (ECONNREFUSED)`);
    expect(clientErrors).toHaveLength(2);
  });

  it("times an attempt out on the clock and retries it", async () => {
    let calls = 0;
    server = await startSourceServer((_req, res) => {
      calls++;
      if (calls > 1) sendJson(res, 200, { ok: true });
      // The first request is left hanging.
    });
    const { client, clock } = clientFor(server.origin, { timeoutMs: 5_000, random: () => 0 });
    const pending = client.get("/slow");
    while (server.requests.length === 0) await clock.advance(0);
    const started = clock.now();
    await clock.advance(5_000);
    // The retry wait is 0 ms (random 0); attempt 2 then answers before its own timeout.
    while (server.requests.length < 2) await clock.advance(0);
    expect(await pending).toEqual({ ok: true });
    expect(clock.now() - started).toBe(5_000);
  });

  it("reports a timeout once attempts run out", async () => {
    server = await startSourceServer(() => {});
    const { client, clock } = clientFor(server.origin, { timeoutMs: 5_000, retry: { maxAttempts: 1 } });
    const outcome = client.get("/slow").then(
      () => undefined,
      (e: unknown) => e,
    );
    while (server.requests.length === 0) await clock.advance(0);
    await clock.advance(5_000);
    const error = await outcome;
    expect((error as RetryExhaustedError).cause).toMatchObject({
      kind: "timeout",
      isRetryable: true,
      message: `GET ${server.origin}/api/v1/slow timed out after 5000 ms`,
    });
  });

  it("validates the body with zod and names the failing field and the redacted URL", async () => {
    server = await startSourceServer((_req, res) =>
      sendJson(res, 200, {
        data: [
          { id: "a", score: 1 },
          { id: "b", score: "high" },
        ],
      }),
    );
    const { client, clock, clientErrors } = clientFor(server.origin, {
      auth: { type: "query", name: "apikey", value: SECRET },
    });
    const schema = z.object({ data: z.array(z.object({ id: z.string(), score: z.number() })) });
    const error = rejection(await drive(clock, client.get("/scores", { schema, query: { q: "x" } })));
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).message).toBe(
      `Invalid response from GET ${server.origin}/api/v1/scores?q=x&apikey=[REDACTED]: field \`data[1].score\`: ` +
        "Invalid input: expected number, received string",
    );
    expect((error as ResponseValidationError).field).toBe("data[1].score");
    expect(clientErrors).toEqual([error]);
  });

  it("returns the schema's parsed output", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 200, { count: "3", extra: true }));
    const { client, clock } = clientFor(server.origin);
    const result = await drive(clock, client.get("/count", { schema: z.object({ count: z.coerce.number() }) }));
    expect(result).toEqual({ status: "fulfilled", value: { count: 3 } });
  });

  it("sends auth, user agent, default and per-request headers and a JSON body", async () => {
    server = await startSourceServer((_req, res) => sendJson(res, 201, { created: true }));
    const { client, clock } = clientFor(server.origin, {
      auth: { type: "bearer", value: SECRET },
      headers: { "X-Tenant": "t1" },
      userAgent: "my-connector/1.0",
    });
    const result = await drive(clock, client.post("/search", { json: { q: "apt" }, headers: { "X-Trace": "7" } }));
    expect(result).toEqual({ status: "fulfilled", value: { created: true } });
    const [received] = server.requests;
    expect(received).toMatchObject({ method: "POST", url: "/api/v1/search", body: '{"q":"apt"}' });
    expect(received?.headers).toMatchObject({
      authorization: `Bearer ${SECRET}`,
      "user-agent": "my-connector/1.0",
      "x-tenant": "t1",
      "x-trace": "7",
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it("sends a header key and returns text bodies as strings", async () => {
    server = await startSourceServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/csv" });
      res.end("a,b\n1,2\n");
    });
    const { client, clock } = clientFor(server.origin, { auth: { type: "header", name: "X-Api-Key", value: SECRET } });
    const result = await drive(clock, client.get("/export.csv", { responseType: "text", schema: z.string() }));
    expect(result).toEqual({ status: "fulfilled", value: "a,b\n1,2\n" });
    expect(server.requests[0]?.headers["x-api-key"]).toBe(SECRET);
  });

  it("rate-limits attempts with a token bucket on the clock", async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    server = await startSourceServer((_req, res) => {
      seen.push(clock.now());
      sendJson(res, 200, {});
    });
    const limited = createHttpClient({
      baseUrl: server.origin,
      clock,
      timeoutMs: 0,
      rateLimit: { requestsPerSecond: 2, burst: 1 },
    });
    const start = clock.now();
    const result = await drive(clock, Promise.all([limited.get("/a"), limited.get("/b"), limited.get("/c")]));
    expect(result.status).toBe("fulfilled");
    expect(seen.map((t) => t - start)).toEqual([0, 500, 1_000]);
  });

  it("keeps the credential out of every log line, error and message", async () => {
    server = await startSourceServer((_req, res) =>
      sendJson(res, 500, { message: `invalid key ${SECRET}`, echo: encodeURIComponent(SECRET) }),
    );
    const { client, clock, logger } = clientFor(server.origin, {
      auth: { type: "query", name: "apikey", value: SECRET },
      retry: { maxAttempts: 2 },
    });
    const error = rejection(
      await drive(clock, client.get("/items?token=other-secret", { query: { access_token: "third" } })),
    ) as RetryExhaustedError;
    expect(server.requests[0]?.url).toBe(`/api/v1/items?token=other-secret&access_token=third&apikey=${SECRET}`);
    const cause = error.cause as SourceHttpError;
    expect(cause.url).toBe(`${server.origin}/api/v1/items?token=[REDACTED]&access_token=[REDACTED]&apikey=[REDACTED]`);
    expect(cause.body).toBe('{"message":"invalid key [REDACTED]","echo":"[REDACTED]"}');
    const everything = JSON.stringify([
      error.message,
      error.attempts,
      error.operation,
      cause.message,
      cause.url,
      cause.body,
      logger.entries,
    ]);
    for (const secret of [SECRET, "other-secret", "third"]) expect(everything).not.toContain(secret);
    expect(logger.entries.filter((e) => e.level === "debug")).toHaveLength(2);
  });

  it("rethrows the caller's abort reason without counting a client error", async () => {
    server = await startSourceServer(() => {});
    const { client, clock, clientErrors } = clientFor(server.origin);
    const controller = new AbortController();
    const pending = client.get("/slow", { signal: controller.signal });
    while (server.requests.length === 0) await clock.advance(0);
    const reason = new Error("stopping");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(clientErrors).toEqual([]);
  });

  it("rejects credentials in the base URL and an auth without a name", () => {
    expect(() => createHttpClient({ baseUrl: "https://u:p@feed.example" })).toThrow(
      "baseUrl must not contain credentials: pass them as `auth`",
    );
    expect(() => createHttpClient({ baseUrl: "https://feed.example", auth: { type: "query", value: "k" } })).toThrow(
      'auth.name is required for auth type "query" (the header or query parameter name)',
    );
  });
});
