import type { ConnectorType } from "../api/types.js";
import type { LogLevel } from "../logging/logger.js";

/** `OPENCTI_*` settings. */
export interface OpenCtiSettings {
  /** Platform URL without trailing `/`; the GraphQL endpoint is `<url>/graphql`. */
  readonly url: string;
  /** API token (secret: redacted from logs and errors). */
  readonly token: string;
  /** Whether the platform's TLS certificate is verified (`OPENCTI_SSL_VERIFY`, default `false` as in pycti). */
  readonly sslVerify: boolean;
  /** CA bundle (PEM file) to verify against, when `OPENCTI_SSL_VERIFY` is a path. */
  readonly sslCaPath?: string;
  /** Extra headers of every request (`OPENCTI_CUSTOM_HEADERS`). */
  readonly customHeaders: Readonly<Record<string, string>>;
  /** JSON log lines (`OPENCTI_JSON_LOGGING`, default `true`). */
  readonly jsonLogging: boolean;
}

/** `CONNECTOR_*` settings (and the listen variables of internal and stream connectors). */
export interface ConnectorSettings {
  /** The connector's id on the platform (`CONNECTOR_ID`, a UUID). */
  readonly id: string;
  readonly type: ConnectorType;
  readonly name: string;
  readonly scope: readonly string[];
  readonly auto: boolean;
  readonly autoUpdate: boolean;
  readonly onlyContextual: boolean;
  readonly enrichmentResolution: string;
  /** Log threshold (`warning` is read as `warn`). */
  readonly logLevel: LogLevel;
  /** `CONNECTOR_DURATION_PERIOD` in ms (whole seconds); `undefined` when the connector has no period. */
  readonly durationPeriodMs: number | undefined;
  /** `CONNECTOR_RUN_AND_TERMINATE`, or a zero duration period (spec §7). */
  readonly runAndTerminate: boolean;
  /** Push-queue threshold in MB (1 000 000 bytes). */
  readonly queueThreshold: number;
  readonly queueProtocol: "amqp" | "api";
  /** `false` disables delivery and every work API call. */
  readonly sendToQueue: boolean;
  readonly sendToDirectory: boolean;
  readonly sendToDirectoryPath?: string;
  /** Days; 0 disables purging. */
  readonly sendToDirectoryRetentionDays: number;
  readonly validateBeforeImport: boolean;
  readonly exposeMetrics: boolean;
  readonly metricsNamespace: string;
  readonly metricsSubsystem: string;
  readonly metricsPort: number;
  /**
   * `CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM` (SDK setting, default `false`): a platform version outside the supported
   * range fails start-up with `UnsupportedPlatformError` instead of a WARNING (spec §4.5).
   */
  readonly failOnUnsupportedPlatform: boolean;
  /** How jobs reach internal and stream connectors. */
  readonly listenProtocol: "AMQP" | "API";
  readonly listenProtocolApiPort: number;
  readonly listenProtocolApiPath: string;
  readonly listenProtocolApiSsl: boolean;
  readonly listenProtocolApiUri: string;
  /** PEM text of the callback server's key, certificate and the key's passphrase. */
  readonly listenProtocolApiSslKey?: string;
  readonly listenProtocolApiSslCert?: string;
  readonly listenProtocolApiSslPassphrase?: string;
  /** Stream connectors only. */
  readonly liveStreamId?: string;
  readonly liveStreamListenDelete: boolean;
  readonly liveStreamNoDependencies: boolean;
  readonly liveStreamWithInferences: boolean;
  readonly liveStreamRecoverIsoDate?: string;
  readonly liveStreamStartTimestamp?: string;
}

/**
 * `MQ_*` overrides of the broker settings returned at registration (spec §2.2); unset fields keep the platform's
 * values. Certificates and keys hold PEM text (a path given in the variable has been read).
 */
export interface MqSettings {
  readonly host?: string;
  readonly port?: number;
  readonly vhost?: string;
  readonly useSsl?: boolean;
  readonly user?: string;
  /** Secret. */
  readonly pass?: string;
  readonly sslCa?: string;
  readonly sslCert?: string;
  readonly sslKey?: string;
  /** Secret. */
  readonly sslPassphrase?: string;
  /** Verify the broker's certificate (default `false`, as pycti and the platform). */
  readonly sslRejectUnauthorized: boolean;
}

/** The settings every connector has. */
export interface BaseConnectorConfig {
  readonly opencti: OpenCtiSettings;
  readonly connector: ConnectorSettings;
  readonly mq: MqSettings;
}

/**
 * A loaded configuration: the base settings plus the connector's own section under its namespace, typed from its
 * zod schema. Deeply frozen.
 */
export type ConnectorConfig<N extends string = never, T = unknown> = BaseConnectorConfig & {
  readonly [K in N]: Readonly<T>;
};
