import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import type { ConnectorMetrics } from "./connector-metrics.js";
import { noopConnectorMetrics } from "./noop-connector-metrics.js";
import { PrometheusConnectorMetrics } from "./prometheus-connector-metrics.js";

const CREATED = Date.parse("2026-03-01T00:00:00Z");

/** Every family of the spec with its exact help, as `_total` counter plus `_created` gauge. */
function counterBlock(name: string, help: string, value: number): string {
  return [
    `# HELP ${name}_total ${help}`,
    `# TYPE ${name}_total counter`,
    `${name}_total ${value}`,
    "",
    `# HELP ${name}_created ${help}`,
    `# TYPE ${name}_created gauge`,
    `${name}_created ${CREATED / 1000}`,
    "",
  ].join("\n");
}

describe("PrometheusConnectorMetrics", () => {
  it("exposes the spec's families with exact names, help, types and values", async () => {
    const metrics = new PrometheusConnectorMetrics({ clock: new FakeClock(CREATED), defaultMetrics: false });
    metrics.incBundlesSent(3);
    metrics.incRecordsSent(12);
    metrics.incRuns();
    metrics.incPingApi();
    metrics.incPingApi();
    metrics.incPingApiErrors();
    metrics.incErrors();
    metrics.incClientErrors(2);
    metrics.incRecordsSkipped(4);
    metrics.setState("running");
    metrics.observeRun({ durationMs: 42_000, objects: 120, records: 40 });
    const text = await metrics.metrics();
    const expected = [
      counterBlock("bundles_sent", "Number of bundles sent", 3),
      counterBlock("records_sent", "Number of records (objects per bundle) sent", 12),
      counterBlock("runs", "Number of runs", 1),
      counterBlock("ping_api", "Number of pings to the API", 2),
      counterBlock("ping_api_errors", "Number of errors when pinging the API", 1),
      counterBlock("errors", "Number of errors", 1),
      counterBlock("client_errors", "Number of client errors", 2),
      counterBlock("records_skipped", "Number of source records skipped", 4),
      [
        "# HELP state State of connector",
        "# TYPE state gauge",
        'state{state="idle"} 0',
        'state{state="running"} 1',
        'state{state="stopped"} 0',
        "",
      ].join("\n"),
    ].join("\n");
    expect(text.startsWith(expected)).toBe(true);
    expect(text).toContain(
      [
        "# HELP run_duration_seconds Duration of connector runs in seconds",
        "# TYPE run_duration_seconds histogram",
        'run_duration_seconds_bucket{le="1"} 0',
        'run_duration_seconds_bucket{le="5"} 0',
        'run_duration_seconds_bucket{le="15"} 0',
        'run_duration_seconds_bucket{le="30"} 0',
        'run_duration_seconds_bucket{le="60"} 1',
      ].join("\n"),
    );
    expect(text).toContain("run_duration_seconds_sum 42\nrun_duration_seconds_count 1\n");
    expect(text).toContain(
      "# HELP last_run_objects Number of STIX objects sent by the last run\n# TYPE last_run_objects gauge\nlast_run_objects 120\n",
    );
    expect(text).toContain(
      "# HELP last_run_records Number of source records read by the last run\n# TYPE last_run_records gauge\nlast_run_records 40\n",
    );
    expect(text).not.toContain("process_");
  });

  it("prefixes every family with namespace and subsystem, the state label too", async () => {
    const metrics = new PrometheusConnectorMetrics({
      namespace: "opencti",
      subsystem: "cisa",
      clock: new FakeClock(CREATED),
      defaultMetrics: false,
    });
    metrics.setState("stopped");
    const text = await metrics.metrics();
    expect(text).toContain("# HELP opencti_cisa_runs_total Number of runs\n# TYPE opencti_cisa_runs_total counter\n");
    expect(text).toContain(`opencti_cisa_runs_created ${CREATED / 1000}\n`);
    expect(text).toContain(
      'opencti_cisa_state{opencti_cisa_state="idle"} 0\nopencti_cisa_state{opencti_cisa_state="running"} 0\n' +
        'opencti_cisa_state{opencti_cisa_state="stopped"} 1\n',
    );
    expect(text.match(/^# TYPE (\S+)/gm)?.every((line) => line.startsWith("# TYPE opencti_cisa_"))).toBe(true);
  });

  it("starts idle, collects process metrics on its own registry and never on the global one", async () => {
    const { register } = await import("prom-client");
    const before = register.getMetricsAsArray().length;
    const a = new PrometheusConnectorMetrics();
    const b = new PrometheusConnectorMetrics();
    const text = await a.metrics();
    expect(text).toContain('state{state="idle"} 1\n');
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toContain("# TYPE nodejs_heap_size_total_bytes gauge");
    expect(a.registry).not.toBe(b.registry);
    expect(register.getMetricsAsArray().length).toBe(before);
    expect(a.contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
  });
});

describe("noopConnectorMetrics", () => {
  it("implements every method and records nothing", () => {
    const metrics: ConnectorMetrics = noopConnectorMetrics;
    expect(() => {
      metrics.incBundlesSent(1);
      metrics.incRecordsSent();
      metrics.incRuns();
      metrics.incPingApi();
      metrics.incPingApiErrors();
      metrics.incErrors();
      metrics.incClientErrors();
      metrics.incRecordsSkipped();
      metrics.setState("running");
      metrics.observeRun({ durationMs: 1, objects: 1, records: 1 });
    }).not.toThrow();
    expect(Object.keys(noopConnectorMetrics).sort()).toEqual(
      Object.getOwnPropertyNames(PrometheusConnectorMetrics.prototype)
        .filter((name) => name !== "constructor" && name !== "contentType" && name !== "metrics")
        .sort(),
    );
  });
});
