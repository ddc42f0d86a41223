import type { ConnectorType } from "../api/types.js";

/** Every connector type of the platform, in the order of the spec (§2.2). */
export const CONNECTOR_TYPES = [
  "EXTERNAL_IMPORT",
  "INTERNAL_IMPORT_FILE",
  "INTERNAL_ENRICHMENT",
  "INTERNAL_ANALYSIS",
  "INTERNAL_EXPORT_FILE",
  "STREAM",
] as const satisfies readonly ConnectorType[];

/**
 * What a connector fixes in code (`type`) and the defaults it gives to the base variables; every field but
 * `type` can be overridden by the environment or `config.yml`.
 */
export interface ConnectorDefaults {
  /** The connector's type; a conflicting `CONNECTOR_TYPE` fails start-up. */
  type: ConnectorType;
  /** Default of `CONNECTOR_NAME` (also the logger name). */
  name?: string;
  /** Default of `CONNECTOR_SCOPE`; `["not-applicable"]` when not given. */
  scope?: readonly string[];
  /** Default of `CONNECTOR_DURATION_PERIOD`, an ISO-8601 duration such as `PT1H`. */
  durationPeriod?: string;
  /** Default of `CONNECTOR_AUTO` (enrichment connectors). */
  auto?: boolean;
  /** Default of `CONNECTOR_ONLY_CONTEXTUAL`. */
  onlyContextual?: boolean;
  /** Default of `CONNECTOR_LOG_LEVEL`; `error` when not given. */
  logLevel?: "debug" | "info" | "warn" | "error";
  /** Default of `CONNECTOR_QUEUE_PROTOCOL`; `amqp` when not given. */
  queueProtocol?: "amqp" | "api";
}
