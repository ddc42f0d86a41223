import type { OpenCtiApi, RabbitMqConnection } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import { type AmqpOverrides, resolveAmqpConnection } from "./amqp-connection-settings.js";
import { AmqpTransport, type AmqpTransportOptions } from "./amqp-transport.js";
import { ApiTransport } from "./api-transport.js";
import type { BundleTransport } from "./bundle-transport.js";
import { DirectoryTransport } from "./directory-transport.js";
import { WorkbenchTransport } from "./workbench-transport.js";

/** The connector settings that choose the transports (the configuration's `connector` section has these fields). */
export interface DeliverySettings {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly scope: readonly string[];
  readonly auto: boolean;
  /** `CONNECTOR_VALIDATE_BEFORE_IMPORT`: upload every bundle to the workbench instead (when sending to the queue). */
  readonly validateBeforeImport: boolean;
  /** `CONNECTOR_QUEUE_PROTOCOL`. */
  readonly queueProtocol: "amqp" | "api";
  /** `CONNECTOR_SEND_TO_QUEUE`: `false` disables delivery to the platform (and every work API call). */
  readonly sendToQueue: boolean;
  /** `CONNECTOR_SEND_TO_DIRECTORY`, `_PATH`, `_RETENTION` (days). */
  readonly sendToDirectory: boolean;
  readonly sendToDirectoryPath?: string | undefined;
  readonly sendToDirectoryRetentionDays: number;
}

/** What registration returned that AMQP delivery needs (spec §4.2). */
export interface DeliveryRegistration {
  readonly config: {
    readonly connection: RabbitMqConnection;
    readonly push_exchange: string;
    readonly push_routing: string;
  };
  readonly connector_user_id: string | null;
}

/** Inputs of {@link createTransports}. */
export interface CreateTransportsOptions {
  readonly connector: DeliverySettings;
  /** Required for `amqp`; also gives the applicant id written by directory mode. */
  readonly registration?: DeliveryRegistration | undefined;
  /** The `MQ_*` overrides (the configuration's `mq` section). */
  readonly mq?: AmqpOverrides | undefined;
  /** Required for `api` (`stixBundlePush`) and for validation mode (`uploadPending`). */
  readonly api?: (Pick<OpenCtiApi, "stixBundlePush"> & Partial<Pick<OpenCtiApi, "uploadPending">>) | undefined;
  readonly clock?: Clock | undefined;
  readonly logger?: Logger | undefined;
  /** Tuning of the AMQP transport (window, retries, connection name, unroutable hook...). */
  readonly amqp?: Partial<Omit<AmqpTransportOptions, "connection" | "exchange" | "routingKey" | "applicantId">>;
  /** Largest `stixBundlePush` bundle in bytes. */
  readonly apiMaxChunkBytes?: number | undefined;
}

const misconfigured = (transport: "amqp" | "api" | "workbench", message: string) =>
  new DeliveryError({ transport, phase: "connect", message, isRetryable: false });

/**
 * The transports the configuration asks for, in delivery order: the directory first (it receives every bundle
 * before and independently of queueing, spec §6.5), then RabbitMQ or `stixBundlePush` unless
 * `CONNECTOR_SEND_TO_QUEUE` is false. With `CONNECTOR_VALIDATE_BEFORE_IMPORT` (and `CONNECTOR_SEND_TO_QUEUE`), the
 * workbench upload replaces them all, as in pycti: nothing is queued and no file is written. No I/O: call
 * `start()` on each.
 */
export function createTransports(options: CreateTransportsOptions): BundleTransport[] {
  const { connector, registration } = options;
  const logger = options.logger ?? noopLogger;
  if (connector.sendToQueue && connector.validateBeforeImport) return [workbenchTransport(options, logger)];
  const transports: BundleTransport[] = [];
  if (connector.sendToDirectory) {
    if (connector.sendToDirectoryPath === undefined || connector.sendToDirectoryPath === "") {
      logger.warn(
        "CONNECTOR_SEND_TO_DIRECTORY is on but CONNECTOR_SEND_TO_DIRECTORY_PATH is empty: no files are written",
      );
    } else {
      transports.push(
        new DirectoryTransport({
          path: connector.sendToDirectoryPath,
          retentionDays: connector.sendToDirectoryRetentionDays,
          connector,
          applicantId: registration?.connector_user_id ?? null,
          clock: options.clock,
          logger,
        }),
      );
    }
  }
  if (!connector.sendToQueue) return transports;
  if (connector.queueProtocol === "api") {
    if (options.api === undefined) throw misconfigured("api", "API delivery needs the OpenCTI client");
    transports.push(
      new ApiTransport({ api: options.api, connectorId: connector.id, maxChunkBytes: options.apiMaxChunkBytes }),
    );
    return transports;
  }
  if (registration === undefined) {
    throw misconfigured("amqp", "AMQP delivery needs the broker settings returned at registration");
  }
  const connection = resolveAmqpConnection(registration.config.connection, options.mq);
  if (connection.useSsl && !connection.tls.rejectUnauthorized) {
    logger.warn("RabbitMQ's TLS certificate is not verified (MQ_USE_SSL_REJECT_UNAUTHORIZED is false)", {
      host: connection.host,
      port: connection.port,
    });
  }
  transports.push(
    new AmqpTransport({
      connectionName: `opencti-connector ${connector.name} (${connector.id})`,
      ...options.amqp,
      connection,
      exchange: registration.config.push_exchange,
      routingKey: registration.config.push_routing,
      applicantId: registration.connector_user_id,
      clock: options.clock,
      logger,
    }),
  );
  return transports;
}

/** Validation mode (spec §6.4): every bundle goes to the workbench, and nothing else happens. */
function workbenchTransport(options: CreateTransportsOptions, logger: Logger): WorkbenchTransport {
  const api = options.api;
  if (api?.uploadPending === undefined) {
    throw misconfigured("workbench", "validation mode (CONNECTOR_VALIDATE_BEFORE_IMPORT) needs the OpenCTI client");
  }
  if (options.connector.sendToDirectory) {
    logger.warn(
      "CONNECTOR_VALIDATE_BEFORE_IMPORT is true: bundles go to the workbench only, no directory file is written",
    );
  }
  logger.info("Validation mode: bundles are uploaded to the workbench for validation, nothing is imported directly");
  return new WorkbenchTransport({ api: { uploadPending: api.uploadPending.bind(api) }, logger });
}
