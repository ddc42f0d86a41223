import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type Clock, systemClock } from "../clock/clock.js";
import type { ConnectorMetrics, ConnectorRunState, RunObservation } from "./connector-metrics.js";
import { type MetricNamePrefix, metricName } from "./metric-name.js";

/** Help strings of the spec's families (§8.2), exactly as pycti exposes them (and `Number of runs`). */
const HELP = {
  bundles_sent: "Number of bundles sent",
  records_sent: "Number of records (objects per bundle) sent",
  runs: "Number of runs",
  ping_api: "Number of pings to the API",
  ping_api_errors: "Number of errors when pinging the API",
  errors: "Number of errors",
  client_errors: "Number of client errors",
  records_skipped: "Number of source records skipped",
} as const;

type CounterFamily = keyof typeof HELP;

const STATES: readonly ConnectorRunState[] = ["idle", "running", "stopped"];

/** Default buckets of `run_duration_seconds`: one second to eight hours. */
const RUN_DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1_800, 3_600, 7_200, 14_400, 28_800];

/** Options of {@link PrometheusConnectorMetrics}. */
export interface PrometheusConnectorMetricsOptions extends MetricNamePrefix {
  /** Time source of the counters' `_created` samples. Default `systemClock`. */
  clock?: Clock;
  /** Also collect the runtime's process metrics (`process_*`, `nodejs_*`) on the same registry. Default true. */
  defaultMetrics?: boolean;
  /** Buckets of `run_duration_seconds`, in seconds. */
  runDurationBuckets?: readonly number[];
}

/** What `startMetricsServer` serves: anything with prom-client's `Registry` scrape shape. */
export interface MetricsSource {
  /** `Content-Type` of the scrape output. */
  readonly contentType: string;
  /** The Prometheus text exposition. */
  metrics(): Promise<string>;
}

/**
 * {@link ConnectorMetrics} on prom-client, in a registry of its own (never prom-client's global one, so two
 * connectors or tests in one process do not collide).
 *
 * Families follow spec §8.2 like Python's `prometheus_client`: each counter exposes `<family>_total` and a
 * `<family>_created` gauge (creation time, Unix seconds); `state` is a gauge with one sample per state, labelled
 * by the metric's own full name (`state{state="idle"} 1`). Added by the SDK: `records_skipped` (counter),
 * `run_duration_seconds` (histogram), `last_run_objects` and `last_run_records` (gauges).
 */
export class PrometheusConnectorMetrics implements ConnectorMetrics, MetricsSource {
  /** The registry holding every metric of this connector; serve it or merge it elsewhere. */
  readonly registry: Registry;
  readonly #counters: Record<CounterFamily, Counter>;
  readonly #state: Gauge;
  readonly #stateLabel: string;
  readonly #runDuration: Histogram;
  readonly #lastRunObjects: Gauge;
  readonly #lastRunRecords: Gauge;

  constructor(options: PrometheusConnectorMetricsOptions = {}) {
    const registry = new Registry();
    const registers = [registry];
    const name = (family: string) => metricName(family, options);
    const created = (options.clock ?? systemClock).now() / 1000;
    const counter = (family: CounterFamily) => {
      const metric = new Counter({ name: name(`${family}_total`), help: HELP[family], registers });
      new Gauge({ name: name(`${family}_created`), help: HELP[family], registers }).set(created);
      return metric;
    };
    this.#counters = {
      bundles_sent: counter("bundles_sent"),
      records_sent: counter("records_sent"),
      runs: counter("runs"),
      ping_api: counter("ping_api"),
      ping_api_errors: counter("ping_api_errors"),
      errors: counter("errors"),
      client_errors: counter("client_errors"),
      records_skipped: counter("records_skipped"),
    };
    this.#stateLabel = name("state");
    this.#state = new Gauge({
      name: this.#stateLabel,
      help: "State of connector",
      labelNames: [this.#stateLabel],
      registers,
    });
    this.#runDuration = new Histogram({
      name: name("run_duration_seconds"),
      help: "Duration of connector runs in seconds",
      buckets: [...(options.runDurationBuckets ?? RUN_DURATION_BUCKETS)],
      registers,
    });
    this.#lastRunObjects = new Gauge({
      name: name("last_run_objects"),
      help: "Number of STIX objects sent by the last run",
      registers,
    });
    this.#lastRunRecords = new Gauge({
      name: name("last_run_records"),
      help: "Number of source records read by the last run",
      registers,
    });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
    this.registry = registry;
    this.setState("idle");
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  incBundlesSent(count = 1): void {
    this.#counters.bundles_sent.inc(count);
  }

  incRecordsSent(count = 1): void {
    this.#counters.records_sent.inc(count);
  }

  incRuns(): void {
    this.#counters.runs.inc();
  }

  incPingApi(): void {
    this.#counters.ping_api.inc();
  }

  incPingApiErrors(): void {
    this.#counters.ping_api_errors.inc();
  }

  incErrors(count = 1): void {
    this.#counters.errors.inc(count);
  }

  incClientErrors(count = 1): void {
    this.#counters.client_errors.inc(count);
  }

  incRecordsSkipped(count = 1): void {
    this.#counters.records_skipped.inc(count);
  }

  setState(state: ConnectorRunState): void {
    for (const value of STATES) this.#state.set({ [this.#stateLabel]: value }, value === state ? 1 : 0);
  }

  observeRun(run: RunObservation): void {
    this.#runDuration.observe(run.durationMs / 1000);
    this.#lastRunObjects.set(run.objects);
    this.#lastRunRecords.set(run.records);
  }
}
