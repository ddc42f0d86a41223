export type { ConnectorMetrics, ConnectorRunState, RunObservation } from "./connector-metrics.js";
export { type MetricNamePrefix, metricName } from "./metric-name.js";
export { type MetricsServer, type MetricsServerOptions, startMetricsServer } from "./metrics-server.js";
export { noopConnectorMetrics } from "./noop-connector-metrics.js";
export { type HealthStatus, PingHealth, type PingHealthOptions } from "./ping-health.js";
export {
  type MetricsSource,
  PrometheusConnectorMetrics,
  type PrometheusConnectorMetricsOptions,
} from "./prometheus-connector-metrics.js";
