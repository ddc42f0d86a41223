import type { z } from "zod";
import { createOpenCtiClient } from "../api/opencti-client.js";
import type { OpenCtiApi, RegisteredConnector } from "../api/types.js";
import { type Clock, systemClock } from "../clock/clock.js";
import type { ConnectorConfigDefinition, ConnectorConfigOf } from "../config/define-connector-config.js";
import { resolveConnectorConfig } from "../config/load-connector-config.js";
import { ConfigError } from "../errors/config-error.js";
import { ConnectorHelper } from "../helper/connector-helper.js";
import { createLogger } from "../logging/create-logger.js";
import type { Logger } from "../logging/logger.js";
import { SecretRedactor } from "../logging/secret-redactor.js";
import type { ConnectorMetrics } from "../metrics/connector-metrics.js";
import { type MetricsServer, startMetricsServer } from "../metrics/metrics-server.js";
import { noopConnectorMetrics } from "../metrics/noop-connector-metrics.js";
import { PingHealth } from "../metrics/ping-health.js";
import { PrometheusConnectorMetrics } from "../metrics/prometheus-connector-metrics.js";
import type { BatchSender } from "./batch-sender.js";
import type { ExternalImportConnectorOptions, ExternalImportDefinition, SenderFactory } from "./connector-options.js";

/** What the runtime has once started. */
export interface StartedRuntime<C> {
  config: C;
  logger: Logger;
  api: OpenCtiApi;
  helper: ConnectorHelper;
  registration: RegisteredConnector;
  metrics: ConnectorMetrics;
  sender: BatchSender;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The collaborators of an external-import connector, created in the order of spec §4.1 by {@link start}: the
 * configuration (every problem reported at once as a `ConfigError`), the logger (redacting the configuration's
 * secrets and, after registration, the broker password), the metrics server when `CONNECTOR_EXPOSE_METRICS`, the
 * OpenCTI client, the helper (health check, version check, registration, ping loop) and the sender. {@link close}
 * undoes it in the order of spec §4.6: final ping with the state, API client, broker connection, metrics server.
 * Nothing is done by the constructor.
 */
export class ConnectorRuntime<D extends ConnectorConfigDefinition> {
  readonly #definition: ExternalImportDefinition<D, z.ZodObject>;
  readonly #options: ExternalImportConnectorOptions;
  readonly #createSender: SenderFactory;
  readonly clock: Clock;
  /** Redacts the configuration's secrets and those learnt later (broker password, source credentials). */
  readonly redactor = new SecretRedactor();
  #logger: Logger | undefined;
  #flush: (() => Promise<void>) | undefined;
  #api: (OpenCtiApi & { close?: () => Promise<void> }) | undefined;
  #helper: ConnectorHelper | undefined;
  #server: MetricsServer | undefined;
  #sender: BatchSender | undefined;
  #metrics: ConnectorMetrics = noopConnectorMetrics;
  #started: StartedRuntime<ConnectorConfigOf<D>> | undefined;
  #starting: Promise<StartedRuntime<ConnectorConfigOf<D>>> | undefined;
  #closing: Promise<void> | undefined;

  constructor(
    definition: ExternalImportDefinition<D, z.ZodObject>,
    options: ExternalImportConnectorOptions,
    createSender: SenderFactory,
  ) {
    this.#definition = definition;
    this.#options = options;
    this.#createSender = createSender;
    this.clock = options.clock ?? systemClock;
  }

  /** The logger, once the configuration is loaded (or the injected one). */
  get logger(): Logger | undefined {
    return this.#logger ?? this.#options.logger;
  }

  get metrics(): ConnectorMetrics {
    return this.#metrics;
  }

  /** Resolves once every line logged so far by the built logger is written. */
  async flush(): Promise<void> {
    await this.#flush?.();
  }

  /** The started collaborators; throws before `start()` resolved. */
  get started(): StartedRuntime<ConnectorConfigOf<D>> {
    if (this.#started === undefined) throw new Error("The connector is not started: call start() or run() first");
    return this.#started;
  }

  /** Creates and starts everything; idempotent. Rejects with `ConfigError`, the API's errors or the sender's. */
  start(): Promise<StartedRuntime<ConnectorConfigOf<D>>> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<StartedRuntime<ConnectorConfigOf<D>>> {
    const options = this.#options;
    const resolved = resolveConnectorConfig(this.#definition.config, {
      ...(options.env ? { env: options.env } : {}),
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    const config = resolved.config;
    const { connector } = config;
    if (connector.durationPeriodMs === undefined && !connector.runAndTerminate) {
      throw new ConfigError([
        {
          env: "CONNECTOR_DURATION_PERIOD",
          yamlPath: "connector.duration_period",
          expected: "an ISO-8601 duration such as PT1H (or CONNECTOR_RUN_AND_TERMINATE=true)",
          given: undefined,
          source: "missing",
        },
      ]);
    }
    this.redactor.add(...resolved.secrets);
    if (options.logger) {
      this.#logger = options.logger;
    } else {
      const logger = createLogger({
        name: connector.name,
        level: connector.logLevel,
        json: config.opencti.jsonLogging,
        secrets: this.redactor,
        clock: this.clock,
        ...(options.logStream ? { stream: options.logStream } : {}),
      });
      this.#logger = logger;
      this.#flush = () => logger.flush();
    }
    const logger = this.#logger;
    for (const diagnostic of resolved.diagnostics) logger[diagnostic.level](diagnostic.message, diagnostic.attributes);

    const health = new PingHealth({ clock: this.clock });
    if (connector.exposeMetrics) {
      const metrics = new PrometheusConnectorMetrics({
        namespace: connector.metricsNamespace,
        subsystem: connector.metricsSubsystem,
        clock: this.clock,
      });
      this.#metrics = metrics;
      this.#server = await startMetricsServer({
        port: options.metricsPort ?? connector.metricsPort,
        ...(options.metricsHost === undefined ? {} : { host: options.metricsHost }),
        metrics,
        health: () => health.check(),
        logger,
      });
    }
    const metrics = this.#metrics;
    const api =
      options.api ??
      createOpenCtiClient({
        url: config.opencti.url,
        token: config.opencti.token,
        customHeaders: config.opencti.customHeaders,
        sslVerify: config.opencti.sslVerify,
        ...(config.opencti.sslCaPath === undefined ? {} : { caPath: config.opencti.sslCaPath }),
        clock: this.clock,
        logger,
        ...(options.random ? { random: options.random } : {}),
      });
    this.#api = api;
    const helper = new ConnectorHelper({
      config,
      api,
      logger,
      clock: this.clock,
      secrets: this.redactor,
      ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
      ...(this.#definition.supportVersion === undefined ? {} : { supportVersion: this.#definition.supportVersion }),
      ...(options.failOnUnsupportedPlatform === undefined
        ? {}
        : { failOnUnsupportedPlatform: options.failOnUnsupportedPlatform }),
      onPingSuccess: () => {
        metrics.incPingApi();
        health.recordSuccess();
      },
      onPingFailure: (error) => {
        metrics.incPingApiErrors();
        health.recordFailure(this.redactor.redact(reasonOf(error)));
      },
    });
    this.#helper = helper;
    if (this.#closing) throw new Error("The connector was stopped during start-up");
    const registration = await helper.start();
    if (this.#closing) throw new Error("The connector was stopped during start-up");
    this.#sender = await this.#createSender({
      config,
      registration,
      api,
      logger,
      clock: this.clock,
      metrics,
      forcePing: () => helper.forcePing(),
    });
    this.#started = { config, logger, api, helper, registration, metrics, sender: this.#sender };
    return this.#started;
  }

  /**
   * Final ping with the state (when registered), closes the API client, the sender and the metrics server, and
   * flushes the logs. Idempotent; safe during `start()` (pending API retries are aborted).
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#helper) await this.#helper.stop();
      else await this.#api?.close?.();
      await this.#starting?.catch(() => {});
      // Created by a start that was still running when close began.
      if (this.#helper && !this.#started) await this.#helper.stop();
      await this.#sender?.close();
      await this.#server?.stop();
      await this.#flush?.();
    })();
    return this.#closing;
  }
}
