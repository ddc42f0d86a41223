const VALID_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Prefixes of every connector metric (`CONNECTOR_METRICS_NAMESPACE`, `CONNECTOR_METRICS_SUBSYSTEM`). */
export interface MetricNamePrefix {
  namespace?: string;
  subsystem?: string;
}

/**
 * The full Prometheus name of a metric family, `[<namespace>_][<subsystem>_]<family>` (spec §8.2): empty
 * prefixes are left out, as Python's `prometheus_client` does.
 *
 * @throws RangeError when the result is not a valid Prometheus metric name.
 */
export function metricName(family: string, prefix: MetricNamePrefix = {}): string {
  const name = [prefix.namespace, prefix.subsystem, family]
    .filter((part) => part !== undefined && part !== "")
    .join("_");
  if (!VALID_NAME.test(name)) {
    throw new RangeError(
      `Invalid metric name "${name}": CONNECTOR_METRICS_NAMESPACE and CONNECTOR_METRICS_SUBSYSTEM may only ` +
        "contain letters, digits, '_' and ':', and must not start with a digit",
    );
  }
  return name;
}
