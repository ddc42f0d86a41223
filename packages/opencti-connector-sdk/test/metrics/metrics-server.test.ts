import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { type MetricsServer, startMetricsServer } from "../../src/metrics/metrics-server.js";
import { PingHealth } from "../../src/metrics/ping-health.js";
import { PrometheusConnectorMetrics } from "../../src/metrics/prometheus-connector-metrics.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
let server: MetricsServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(health = new PingHealth({ clock: new FakeClock(NOW) })) {
  const metrics = new PrometheusConnectorMetrics({ namespace: "opencti", clock: new FakeClock(NOW) });
  const logger = createMemoryLogger();
  server = await startMetricsServer({
    port: 0,
    host: "127.0.0.1",
    metrics,
    health: () => health.check(),
    logger,
  });
  return { metrics, logger, base: `http://127.0.0.1:${server.port}` };
}

describe("startMetricsServer", () => {
  it("serves the Prometheus exposition on /metrics and / with the spec's names", async () => {
    const { metrics, logger, base } = await start();
    metrics.incBundlesSent(5);
    metrics.incPingApiErrors();
    metrics.setState("running");
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(
      "# HELP opencti_bundles_sent_total Number of bundles sent\n" +
        "# TYPE opencti_bundles_sent_total counter\n" +
        "opencti_bundles_sent_total 5\n",
    );
    expect(text).toContain(
      "# HELP opencti_ping_api_errors_total Number of errors when pinging the API\n" +
        "# TYPE opencti_ping_api_errors_total counter\n" +
        "opencti_ping_api_errors_total 1\n",
    );
    expect(text).toContain(`opencti_bundles_sent_created ${NOW / 1000}\n`);
    expect(text).toContain('opencti_state{opencti_state="running"} 1\n');
    expect(text).toContain("# TYPE process_resident_memory_bytes gauge\n");
    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain("opencti_bundles_sent_total 5\n");
    expect(logger.entries).toEqual([
      { level: "info", name: "test", message: "Exposing metrics on port", attributes: { port: server?.port } },
    ]);
  });

  it("answers /healthz with 503 before a recent ping, 200 after one, 503 when it gets old", async () => {
    const clock = new FakeClock(NOW);
    const health = new PingHealth({ clock, maxAgeMs: 120_000 });
    const { base } = await start(health);
    const first = await fetch(`${base}/healthz`);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({
      status: "unhealthy",
      last_ping_success: null,
      last_ping_error: null,
      consecutive_ping_failures: 0,
      max_age_seconds: 120,
    });
    health.recordSuccess();
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/json");
    expect(await ok.json()).toMatchObject({ status: "ok", last_ping_success: "2026-03-01T12:00:00.000Z" });
    await clock.advance(120_001);
    health.recordFailure("API unreachable");
    const stale = await fetch(`${base}/healthz`);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({
      status: "unhealthy",
      last_ping_error: { at: "2026-03-01T12:02:00.001Z", reason: "API unreachable" },
      consecutive_ping_failures: 1,
    });
  });

  it("reports a throwing health check as unhealthy", async () => {
    const metrics = new PrometheusConnectorMetrics({ defaultMetrics: false });
    server = await startMetricsServer({
      port: 0,
      host: "127.0.0.1",
      metrics,
      health: () => {
        throw new Error("no ping loop");
      },
    });
    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unhealthy", error: "no ping loop" });
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    const { base } = await start();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("stops idempotently, frees the port, and rejects a port already in use", async () => {
    await start();
    const running = server as MetricsServer;
    const port = running.port;
    await expect(
      startMetricsServer({
        port,
        host: "127.0.0.1",
        metrics: new PrometheusConnectorMetrics(),
        health: () => ({ healthy: true }),
      }),
    ).rejects.toThrow(/EADDRINUSE/);
    await running.stop();
    await running.stop();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
    server = await startMetricsServer({
      port,
      host: "127.0.0.1",
      metrics: new PrometheusConnectorMetrics({ defaultMetrics: false }),
      health: () => ({ healthy: true }),
    });
    expect(server.port).toBe(port);
  });
});
