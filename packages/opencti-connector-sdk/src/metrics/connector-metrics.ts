/** Values of the `state` enum metric. */
export type ConnectorRunState = "idle" | "running" | "stopped";

/** Figures of one finished run, recorded by {@link ConnectorMetrics.observeRun}. */
export interface RunObservation {
  /** Wall time of the run, start to end. */
  durationMs: number;
  /** STIX objects the run sent. */
  objects: number;
  /** Source records the run read. */
  records: number;
}

/**
 * What a connector records about itself (spec §8.2). The Prometheus implementation is
 * `PrometheusConnectorMetrics`; when `CONNECTOR_EXPOSE_METRICS` is false the connector uses
 * `noopConnectorMetrics`, so callers never test whether metrics are enabled.
 *
 * Who calls what: delivery counts bundles and records sent; the ping loop counts pings and ping errors; the
 * scheduler counts runs, failed runs (`incErrors`) and sets `state`; the source HTTP client counts client errors
 * (through its `onClientError` hook); the connector counts skipped records, other handled errors, and calls
 * `observeRun` at the end of every run.
 */
export interface ConnectorMetrics {
  /** `bundles_sent_total`: per published AMQP message or `stixBundlePush` call. */
  incBundlesSent(count?: number): void;
  /** `records_sent_total`: per delivered STIX object. */
  incRecordsSent(count?: number): void;
  /** `runs_total`: per started run. */
  incRuns(): void;
  /** `ping_api_total`: per successful ping (loop, checkpoint attempt, forced or final ping). */
  incPingApi(): void;
  /** `ping_api_errors_total`: per failed ping, of any kind. */
  incPingApiErrors(): void;
  /** `errors_total`: per handled error (a failed run, a skipped record's mapping error, …). */
  incErrors(count?: number): void;
  /** `client_errors_total`: per failed source-API request. */
  incClientErrors(count?: number): void;
  /** `records_skipped_total`: per source record skipped (mapping error, filtered). */
  incRecordsSkipped(count?: number): void;
  /** Sets the `state` enum. */
  setState(state: ConnectorRunState): void;
  /** Records a finished run: `run_duration_seconds`, `last_run_objects`, `last_run_records`. */
  observeRun(run: RunObservation): void;
}
