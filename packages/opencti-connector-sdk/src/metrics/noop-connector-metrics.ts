import type { ConnectorMetrics } from "./connector-metrics.js";

/** A {@link ConnectorMetrics} that records nothing, used when `CONNECTOR_EXPOSE_METRICS` is false. */
export const noopConnectorMetrics: ConnectorMetrics = Object.freeze({
  incBundlesSent: () => {},
  incRecordsSent: () => {},
  incRuns: () => {},
  incPingApi: () => {},
  incPingApiErrors: () => {},
  incErrors: () => {},
  incClientErrors: () => {},
  incRecordsSkipped: () => {},
  setState: () => {},
  observeRun: () => {},
});
