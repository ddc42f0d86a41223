import type { ConnectorType } from "../api/types.js";
import type { ConnectorDefaults } from "./connector-defaults.js";
import { CONNECTOR_TYPES } from "./connector-defaults.js";

/**
 * How a base variable is read. Besides the field kinds: `url` (http/https, trailing `/` stripped), `uuid`,
 * `secret` (non-empty string, masked), `path`, `bool-or-path` (`OPENCTI_SSL_VERIFY`) and `pem-or-path` (PEM text,
 * or a file whose content is read).
 */
export type BaseVariableKind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "list"
  | "duration"
  | "url"
  | "uuid"
  | "secret"
  | "path"
  | "bool-or-path"
  | "pem-or-path";

/** One `OPENCTI_*`, `CONNECTOR_*`, `MQ_*` or listen variable the SDK reads (spec §2.2). */
export interface BaseVariable {
  env: string;
  yaml: readonly [string, string];
  kind: BaseVariableKind;
  description: string;
  /** Default in input form, given the connector's defaults; `undefined` means none. */
  defaultValue?: (defaults: ConnectorDefaults) => unknown;
  /** How the default reads in the docs when it depends on the connector. */
  docsDefault?: string;
  required?: boolean;
  enumValues?: readonly string[];
  /** Inclusive bounds of numbers. */
  min?: number;
  max?: number;
  /** Connector types that read it; all when absent. */
  appliesTo?: readonly ConnectorType[];
  /** Connector types whose `connector_config_schema.json` lists it (spec §2.3). */
  catalogFor?: readonly ConnectorType[];
}

const INTERNAL: readonly ConnectorType[] = [
  "INTERNAL_IMPORT_FILE",
  "INTERNAL_ENRICHMENT",
  "INTERNAL_ANALYSIS",
  "INTERNAL_EXPORT_FILE",
];
const LISTENING: readonly ConnectorType[] = [...INTERNAL, "STREAM"];
const SCOPED: readonly ConnectorType[] = ["EXTERNAL_IMPORT", ...INTERNAL];

/** Accepted `CONNECTOR_LOG_LEVEL` values, in the catalog's order. */
export const LOG_LEVEL_VALUES = ["debug", "info", "warn", "warning", "error"] as const;

const v = (
  env: string,
  yaml: readonly [string, string],
  kind: BaseVariableKind,
  description: string,
  rest: Omit<BaseVariable, "env" | "yaml" | "kind" | "description"> = {},
): BaseVariable => ({ env, yaml, kind, description, ...rest });
const fixed = (value: unknown) => () => value;

/** Every base variable, in documentation order. */
export const BASE_VARIABLES: readonly BaseVariable[] = [
  v("OPENCTI_URL", ["opencti", "url"], "url", "URL of the OpenCTI platform; requests go to `<url>/graphql`.", {
    required: true,
    catalogFor: CONNECTOR_TYPES,
  }),
  v("OPENCTI_TOKEN", ["opencti", "token"], "secret", "API token of the connector's OpenCTI user (not `ChangeMe`).", {
    required: true,
    catalogFor: CONNECTOR_TYPES,
  }),
  v(
    "OPENCTI_CUSTOM_HEADERS",
    ["opencti", "custom_headers"],
    "string",
    "Extra HTTP headers for every request, `name1:value1;name2:value2`; malformed pairs are ignored with a warning.",
  ),
  v(
    "OPENCTI_SSL_VERIFY",
    ["opencti", "ssl_verify"],
    "bool-or-path",
    "Verify the platform's TLS certificate: a boolean, or the path of a CA bundle (PEM) to verify against. A warning is logged when an `https` URL is not verified.",
    { defaultValue: fixed(false) },
  ),
  v("OPENCTI_JSON_LOGGING", ["opencti", "json_logging"], "boolean", "JSON log lines on stderr (else plain text).", {
    defaultValue: fixed(true),
  }),
  v(
    "CONNECTOR_ID",
    ["connector", "id"],
    "uuid",
    "The connector's id on the platform: a UUID (v4 by convention), without `_`.",
    { required: true },
  ),
  v(
    "CONNECTOR_TYPE",
    ["connector", "type"],
    "enum",
    "Fixed by the connector's code; a different value fails start-up.",
    {
      enumValues: CONNECTOR_TYPES,
      defaultValue: (d) => d.type,
      docsDefault: "the connector's type",
      catalogFor: CONNECTOR_TYPES,
    },
  ),
  v("CONNECTOR_NAME", ["connector", "name"], "string", "Display name (at least 2 characters); also the logger name.", {
    defaultValue: (d) => d.name,
    docsDefault: "the connector's name",
    required: true,
    catalogFor: CONNECTOR_TYPES,
  }),
  v("CONNECTOR_SCOPE", ["connector", "scope"], "list", "Comma-separated scope sent at registration.", {
    defaultValue: (d) => d.scope ?? ["not-applicable"],
    docsDefault: "the connector's scope, else `not-applicable`",
    catalogFor: SCOPED,
  }),
  v("CONNECTOR_AUTO", ["connector", "auto"], "boolean", "Automatic enrichment/import, sent at registration.", {
    defaultValue: (d) => d.auto ?? false,
    docsDefault: "`false` (or the connector's)",
    catalogFor: ["INTERNAL_ENRICHMENT"],
  }),
  v("CONNECTOR_AUTO_UPDATE", ["connector", "auto_update"], "boolean", "Sent at registration as `auto_update`.", {
    defaultValue: fixed(false),
  }),
  v(
    "CONNECTOR_ONLY_CONTEXTUAL",
    ["connector", "only_contextual"],
    "boolean",
    "Sent at registration as `only_contextual`.",
    { defaultValue: (d) => d.onlyContextual ?? false, docsDefault: "`false` (or the connector's)" },
  ),
  v(
    "CONNECTOR_ENRICHMENT_RESOLUTION",
    ["connector", "enrichment_resolution"],
    "string",
    "Sent at registration as `enrichment_resolution`.",
    { defaultValue: fixed("none") },
  ),
  v("CONNECTOR_LOG_LEVEL", ["connector", "log_level"], "enum", "Log threshold, case-insensitive.", {
    enumValues: LOG_LEVEL_VALUES,
    defaultValue: (d) => d.logLevel ?? "error",
    docsDefault: "`error` (or the connector's)",
    catalogFor: CONNECTOR_TYPES,
  }),
  v(
    "CONNECTOR_DURATION_PERIOD",
    ["connector", "duration_period"],
    "duration",
    "Time between the end of a run and the start of the next, ISO-8601 (`PT1H`, `P1D`); `PT0S` runs once and exits.",
    {
      defaultValue: (d) => d.durationPeriod,
      docsDefault: "the connector's (template: `PT1H`)",
      appliesTo: ["EXTERNAL_IMPORT"],
      catalogFor: ["EXTERNAL_IMPORT"],
    },
  ),
  v(
    "CONNECTOR_RUN_AND_TERMINATE",
    ["connector", "run_and_terminate"],
    "boolean",
    "Run once, persist the state and exit.",
    { defaultValue: fixed(false), appliesTo: ["EXTERNAL_IMPORT"] },
  ),
  v(
    "CONNECTOR_QUEUE_THRESHOLD",
    ["connector", "queue_threshold"],
    "number",
    "Push-queue size (MB of 1 000 000 bytes) above which runs are skipped.",
    { defaultValue: fixed(500), min: 0 },
  ),
  v(
    "CONNECTOR_QUEUE_PROTOCOL",
    ["connector", "queue_protocol"],
    "enum",
    "How bundles reach the platform: `amqp` (RabbitMQ) or `api` (`stixBundlePush`). Deprecated alias: `QUEUE_PROTOCOL`.",
    { enumValues: ["amqp", "api"], defaultValue: (d) => d.queueProtocol ?? "amqp", docsDefault: "`amqp`" },
  ),
  v(
    "CONNECTOR_SEND_TO_QUEUE",
    ["connector", "send_to_queue"],
    "boolean",
    "`false` disables delivery and every work API call.",
    { defaultValue: fixed(true) },
  ),
  v(
    "CONNECTOR_SEND_TO_DIRECTORY",
    ["connector", "send_to_directory"],
    "boolean",
    "Also write every bundle to `CONNECTOR_SEND_TO_DIRECTORY_PATH`.",
    { defaultValue: fixed(false) },
  ),
  v(
    "CONNECTOR_SEND_TO_DIRECTORY_PATH",
    ["connector", "send_to_directory_path"],
    "path",
    "Directory for bundle files (required when sending to a directory).",
  ),
  v(
    "CONNECTOR_SEND_TO_DIRECTORY_RETENTION",
    ["connector", "send_to_directory_retention"],
    "integer",
    "Days a bundle file is kept; `0` disables purging.",
    { defaultValue: fixed(7), min: 0 },
  ),
  v(
    "CONNECTOR_VALIDATE_BEFORE_IMPORT",
    ["connector", "validate_before_import"],
    "boolean",
    "Send bundles for validation (workbench) instead of importing them.",
    { defaultValue: fixed(false) },
  ),
  v("CONNECTOR_EXPOSE_METRICS", ["connector", "expose_metrics"], "boolean", "Serve Prometheus metrics.", {
    defaultValue: fixed(false),
  }),
  v("CONNECTOR_METRICS_NAMESPACE", ["connector", "metrics_namespace"], "string", "Metric name prefix.", {
    defaultValue: fixed(""),
  }),
  v("CONNECTOR_METRICS_SUBSYSTEM", ["connector", "metrics_subsystem"], "string", "Second metric name prefix.", {
    defaultValue: fixed(""),
  }),
  v("CONNECTOR_METRICS_PORT", ["connector", "metrics_port"], "integer", "Metrics port on `0.0.0.0`.", {
    defaultValue: fixed(9095),
    min: 1,
    max: 65_535,
  }),
  v(
    "CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM",
    ["connector", "fail_on_unsupported_platform"],
    "boolean",
    "SDK setting: a platform version outside the supported range fails start-up (exit 1), not a WARNING.",
    { defaultValue: fixed(false) },
  ),
  v(
    "CONNECTOR_LISTEN_PROTOCOL",
    ["connector", "listen_protocol"],
    "enum",
    "How jobs reach internal and stream connectors: `AMQP` or `API` (HTTP callback).",
    { enumValues: ["AMQP", "API"], defaultValue: fixed("AMQP"), appliesTo: LISTENING },
  ),
  v(
    "CONNECTOR_LISTEN_PROTOCOL_API_PORT",
    ["connector", "listen_protocol_api_port"],
    "integer",
    "Port of the callback server.",
    { defaultValue: fixed(7070), min: 1, max: 65_535, appliesTo: LISTENING },
  ),
  v(
    "CONNECTOR_LISTEN_PROTOCOL_API_PATH",
    ["connector", "listen_protocol_api_path"],
    "string",
    "Path of the callback.",
    { defaultValue: fixed("/api/callback"), appliesTo: LISTENING },
  ),
  v(
    "CONNECTOR_LISTEN_PROTOCOL_API_SSL",
    ["connector", "listen_protocol_api_ssl"],
    "boolean",
    "Serve the callback over TLS.",
    { defaultValue: fixed(false), appliesTo: LISTENING },
  ),
  v(
    "CONNECTOR_LISTEN_PROTOCOL_API_URI",
    ["connector", "listen_protocol_api_uri"],
    "url",
    "Base URI the platform calls; `listen_callback_uri` is this URI followed by the path.",
    { docsDefault: "`http(s)://127.0.0.1:7070`", appliesTo: LISTENING },
  ),
  v(
    "LISTEN_PROTOCOL_API_SSL_KEY",
    ["connector", "listen_protocol_api_ssl_key"],
    "pem-or-path",
    "TLS key of the callback server (PEM text or file).",
    { appliesTo: LISTENING },
  ),
  v(
    "LISTEN_PROTOCOL_API_SSL_CERT",
    ["connector", "listen_protocol_api_ssl_cert"],
    "pem-or-path",
    "TLS certificate of the callback server (PEM text or file).",
    { appliesTo: LISTENING },
  ),
  v(
    "LISTEN_PROTOCOL_API_SSL_PASSPHRASE",
    ["connector", "listen_protocol_api_ssl_passphrase"],
    "secret",
    "Passphrase of the callback server's key.",
    { appliesTo: LISTENING },
  ),
  v("CONNECTOR_LIVE_STREAM_ID", ["connector", "live_stream_id"], "string", "Live stream to consume.", {
    appliesTo: ["STREAM"],
    catalogFor: ["STREAM"],
  }),
  v(
    "CONNECTOR_LIVE_STREAM_LISTEN_DELETE",
    ["connector", "live_stream_listen_delete"],
    "boolean",
    "Receive delete events.",
    { defaultValue: fixed(true), appliesTo: ["STREAM"], catalogFor: ["STREAM"] },
  ),
  v(
    "CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES",
    ["connector", "live_stream_no_dependencies"],
    "boolean",
    "Do not receive the dependencies of streamed objects.",
    { defaultValue: fixed(true), appliesTo: ["STREAM"], catalogFor: ["STREAM"] },
  ),
  v(
    "CONNECTOR_LIVE_STREAM_WITH_INFERENCES",
    ["connector", "live_stream_with_inferences"],
    "boolean",
    "Also receive inferred data.",
    { defaultValue: fixed(false), appliesTo: ["STREAM"] },
  ),
  v(
    "CONNECTOR_LIVE_STREAM_RECOVER_ISO_DATE",
    ["connector", "live_stream_recover_iso_date"],
    "string",
    "Replay the stream up to this date.",
    { appliesTo: ["STREAM"] },
  ),
  v(
    "CONNECTOR_LIVE_STREAM_START_TIMESTAMP",
    ["connector", "live_stream_start_timestamp"],
    "string",
    "Start the stream at this event id or timestamp.",
    { appliesTo: ["STREAM"] },
  ),
  v("MQ_HOST", ["mq", "host"], "string", "Overrides the broker host returned at registration."),
  v("MQ_PORT", ["mq", "port"], "integer", "Overrides the broker port.", { min: 1, max: 65_535 }),
  v("MQ_VHOST", ["mq", "vhost"], "string", "Overrides the broker virtual host."),
  v("MQ_USE_SSL", ["mq", "use_ssl"], "boolean", "Overrides whether the broker connection uses TLS."),
  v("MQ_USER", ["mq", "user"], "string", "Overrides the broker user."),
  v("MQ_PASS", ["mq", "pass"], "secret", "Overrides the broker password."),
  v("MQ_USE_SSL_CA", ["mq", "use_ssl_ca"], "pem-or-path", "CA to verify the broker (PEM text or file)."),
  v("MQ_USE_SSL_CERT", ["mq", "use_ssl_cert"], "pem-or-path", "Client certificate (PEM text or file)."),
  v("MQ_USE_SSL_KEY", ["mq", "use_ssl_key"], "pem-or-path", "Client key (PEM text or file)."),
  v("MQ_USE_SSL_PASSPHRASE", ["mq", "use_ssl_passphrase"], "secret", "Passphrase of the client key."),
  v(
    "MQ_USE_SSL_REJECT_UNAUTHORIZED",
    ["mq", "use_ssl_reject_unauthorized"],
    "boolean",
    "Verify the broker's certificate (pycti and platform default: not verified, with a warning).",
    { defaultValue: fixed(false) },
  ),
];

/** True when connectors of `type` read `variable`. */
export function appliesTo(variable: BaseVariable, type: ConnectorType): boolean {
  return variable.appliesTo === undefined || variable.appliesTo.includes(type);
}
