import type { ConnectorType } from "../api/types.js";
import type { LogLevel } from "../logging/logger.js";
import type { BaseConnectorConfig, ConnectorSettings, MqSettings, OpenCtiSettings } from "./connector-config.js";
import { parseCustomHeaders } from "./custom-headers.js";
import type { ConfigDiagnostic } from "./legacy-variables.js";

/** Keeps only the defined entries, so optional settings are absent rather than `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Builds the typed base settings from the checked values (keyed by environment name) and adds the diagnostics
 * that depend on several of them (malformed custom headers, TLS verification off).
 */
export function assembleBaseConfig(
  values: ReadonlyMap<string, unknown>,
  diagnostics: ConfigDiagnostic[],
): BaseConnectorConfig {
  const get = <T>(env: string) => values.get(env) as T;
  const url = get<string>("OPENCTI_URL");
  const ssl = get<{ verify: boolean; caPath?: string }>("OPENCTI_SSL_VERIFY");
  const { headers, invalid } = parseCustomHeaders(get<string | undefined>("OPENCTI_CUSTOM_HEADERS") ?? "");
  if (invalid.length > 0) {
    diagnostics.push({
      level: "warn",
      message: "OPENCTI_CUSTOM_HEADERS has malformed pairs (expected name:value), ignored",
      attributes: { pairs: invalid },
    });
  }
  if (url.startsWith("https:") && !ssl.verify) {
    diagnostics.push({
      level: "warn",
      message: "The OpenCTI TLS certificate is not verified: set OPENCTI_SSL_VERIFY=true or to a CA bundle path",
      attributes: { url },
    });
  }
  const opencti: OpenCtiSettings = defined({
    url,
    token: get<string>("OPENCTI_TOKEN"),
    sslVerify: ssl.verify,
    sslCaPath: ssl.caPath,
    customHeaders: headers,
    jsonLogging: get<boolean>("OPENCTI_JSON_LOGGING"),
  });

  const durationPeriodMs = get<number | undefined>("CONNECTOR_DURATION_PERIOD");
  const logLevel = get<string>("CONNECTOR_LOG_LEVEL");
  const apiSsl = get<boolean>("CONNECTOR_LISTEN_PROTOCOL_API_SSL");
  const connector: ConnectorSettings = {
    ...defined({
      sendToDirectoryPath: get<string | undefined>("CONNECTOR_SEND_TO_DIRECTORY_PATH"),
      listenProtocolApiSslKey: get<string | undefined>("LISTEN_PROTOCOL_API_SSL_KEY"),
      listenProtocolApiSslCert: get<string | undefined>("LISTEN_PROTOCOL_API_SSL_CERT"),
      listenProtocolApiSslPassphrase: get<string | undefined>("LISTEN_PROTOCOL_API_SSL_PASSPHRASE"),
      liveStreamId: get<string | undefined>("CONNECTOR_LIVE_STREAM_ID"),
      liveStreamRecoverIsoDate: get<string | undefined>("CONNECTOR_LIVE_STREAM_RECOVER_ISO_DATE"),
      liveStreamStartTimestamp: get<string | undefined>("CONNECTOR_LIVE_STREAM_START_TIMESTAMP"),
    }),
    id: get<string>("CONNECTOR_ID"),
    type: get<ConnectorType>("CONNECTOR_TYPE"),
    name: get<string>("CONNECTOR_NAME"),
    scope: get<string[]>("CONNECTOR_SCOPE"),
    auto: get<boolean>("CONNECTOR_AUTO"),
    autoUpdate: get<boolean>("CONNECTOR_AUTO_UPDATE"),
    onlyContextual: get<boolean>("CONNECTOR_ONLY_CONTEXTUAL"),
    enrichmentResolution: get<string>("CONNECTOR_ENRICHMENT_RESOLUTION"),
    logLevel: (logLevel === "warning" ? "warn" : logLevel) as LogLevel,
    durationPeriodMs,
    runAndTerminate: get<boolean>("CONNECTOR_RUN_AND_TERMINATE") || durationPeriodMs === 0,
    queueThreshold: get<number>("CONNECTOR_QUEUE_THRESHOLD"),
    queueProtocol: get<"amqp" | "api">("CONNECTOR_QUEUE_PROTOCOL"),
    sendToQueue: get<boolean>("CONNECTOR_SEND_TO_QUEUE"),
    sendToDirectory: get<boolean>("CONNECTOR_SEND_TO_DIRECTORY"),
    sendToDirectoryRetentionDays: get<number>("CONNECTOR_SEND_TO_DIRECTORY_RETENTION"),
    validateBeforeImport: get<boolean>("CONNECTOR_VALIDATE_BEFORE_IMPORT"),
    exposeMetrics: get<boolean>("CONNECTOR_EXPOSE_METRICS"),
    metricsNamespace: get<string>("CONNECTOR_METRICS_NAMESPACE"),
    metricsSubsystem: get<string>("CONNECTOR_METRICS_SUBSYSTEM"),
    metricsPort: get<number>("CONNECTOR_METRICS_PORT"),
    failOnUnsupportedPlatform: get<boolean>("CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM"),
    listenProtocol: get<"AMQP" | "API">("CONNECTOR_LISTEN_PROTOCOL"),
    listenProtocolApiPort: get<number>("CONNECTOR_LISTEN_PROTOCOL_API_PORT"),
    listenProtocolApiPath: get<string>("CONNECTOR_LISTEN_PROTOCOL_API_PATH"),
    listenProtocolApiSsl: apiSsl,
    listenProtocolApiUri:
      get<string | undefined>("CONNECTOR_LISTEN_PROTOCOL_API_URI") ?? `${apiSsl ? "https" : "http"}://127.0.0.1:7070`,
    liveStreamListenDelete: get<boolean>("CONNECTOR_LIVE_STREAM_LISTEN_DELETE"),
    liveStreamNoDependencies: get<boolean>("CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES"),
    liveStreamWithInferences: get<boolean>("CONNECTOR_LIVE_STREAM_WITH_INFERENCES"),
  };

  const mq: MqSettings = defined({
    host: get<string | undefined>("MQ_HOST"),
    port: get<number | undefined>("MQ_PORT"),
    vhost: get<string | undefined>("MQ_VHOST"),
    useSsl: get<boolean | undefined>("MQ_USE_SSL"),
    user: get<string | undefined>("MQ_USER"),
    pass: get<string | undefined>("MQ_PASS"),
    sslCa: get<string | undefined>("MQ_USE_SSL_CA"),
    sslCert: get<string | undefined>("MQ_USE_SSL_CERT"),
    sslKey: get<string | undefined>("MQ_USE_SSL_KEY"),
    sslPassphrase: get<string | undefined>("MQ_USE_SSL_PASSPHRASE"),
    sslRejectUnauthorized: get<boolean>("MQ_USE_SSL_REJECT_UNAUTHORIZED"),
  });
  if (mq.useSsl === true && !mq.sslRejectUnauthorized) {
    diagnostics.push({
      level: "warn",
      message: "The RabbitMQ TLS certificate is not verified: set MQ_USE_SSL_REJECT_UNAUTHORIZED=true",
      attributes: {},
    });
  }
  return { opencti, connector, mq };
}
