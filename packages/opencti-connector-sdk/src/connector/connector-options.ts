import type { Identity, MarkingDefinition } from "@org/stix2-types";
import type { z } from "zod";
import type { OpenCtiApi, RegisteredConnector } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import type { BaseConnectorConfig } from "../config/connector-config.js";
import type { ConnectorConfigDefinition, ConnectorConfigOf } from "../config/define-connector-config.js";
import type { Logger } from "../logging/logger.js";
import type { ConnectorMetrics } from "../metrics/connector-metrics.js";
import type { FailureBackoff } from "../scheduler/schedule-timing.js";
import type { BatchSender } from "./batch-sender.js";
import type { SourceRetryOptions } from "./source-retry.js";

/** What a connector declares about itself, passed to the `ExternalImportConnector` constructor. */
export interface ExternalImportDefinition<D extends ConnectorConfigDefinition, S extends z.ZodObject> {
  /** The configuration, from `defineConnectorConfig` (its `connector.type` must be `EXTERNAL_IMPORT`). */
  config: D;
  /**
   * The cursor fields of the state (a zod object); every field optional or defaulted, since the first run has no
   * state. The SDK adds `last_run`.
   */
  state: S;
  /** The author of every object (an organization identity), or a function of the loaded configuration. */
  author: Identity | ((config: ConnectorConfigOf<D>) => Identity);
  /** Markings of every object (e.g. `[TLP_GREEN]`), or a function of the loaded configuration. Default none. */
  markings?: readonly MarkingDefinition[] | ((config: ConnectorConfigOf<D>) => readonly MarkingDefinition[]);
  /** Check every object returned by `toStix()` with its STIX schema. Default `true`. */
  validateObjects?: boolean;
  /**
   * The platform versions the connector supports (its manifest's `support_version`, e.g. `>=6.8.12`); a platform
   * outside it is a WARNING at start-up, or a failure with `failOnUnsupportedPlatform`.
   */
  supportVersion?: string;
}

/** What a sender factory receives once the connector is registered. */
export interface SenderSetup {
  config: BaseConnectorConfig;
  /** Broker settings, queue names and the connector user (apply `MQ_*` with `resolveAmqpConnection`). */
  registration: RegisteredConnector;
  api: OpenCtiApi;
  logger: Logger;
  clock: Clock;
  metrics: ConnectorMetrics;
  /** Pings at once (the platform re-declares the connector's queues), e.g. after an unroutable message. */
  forcePing: () => Promise<unknown>;
}

/** Creates the connector's sender (AMQP, API or directory, from the configuration). */
export type SenderFactory = (setup: SenderSetup) => BatchSender | Promise<BatchSender>;

/**
 * Collaborators and tuning of an `ExternalImportConnector`, all optional: production code passes nothing; tests
 * inject the environment, a fake clock, an API client or sender, and short intervals.
 */
export interface ExternalImportConnectorOptions {
  /** Environment variables; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** `config.yml` path; default `./config.yml` when it exists. */
  configPath?: string;
  /** Directory relative paths are resolved against; default `process.cwd()`. */
  cwd?: string;
  /** Default the system clock. */
  clock?: Clock;
  /** Replaces the winston logger built from the configuration (redaction is then the caller's concern). */
  logger?: Logger;
  /** Where the built logger writes; default `process.stderr`. */
  logStream?: NodeJS.WritableStream;
  /** Replaces the OpenCTI GraphQL client; `close()` is called at shutdown when present. */
  api?: OpenCtiApi & { close?: () => Promise<void> };
  /** Replaces the sender built from the configuration. */
  createSender?: SenderFactory;
  /** The `fetch` of source HTTP clients made with `createHttpClient()`; default the global one. */
  fetch?: typeof fetch;
  /** Randomness of retry jitter (source retries, API retries, start jitter). */
  random?: () => number;
  /**
   * A platform version outside the SDK's tested range or the definition's `supportVersion` fails start-up with
   * `UnsupportedPlatformError` (`run()` rejects, `runConnector` exits 1, nothing is registered) instead of logging a
   * WARNING (spec §4.5). Default `CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM` (`false`).
   */
  failOnUnsupportedPlatform?: boolean;
  /** Ping interval; default 40 000 ms (spec §4.3). */
  pingIntervalMs?: number;
  /** `pingWork` interval during a run; default 300 000 ms; 0 disables. */
  workPingIntervalMs?: number;
  /** How long a stopping run waits for confirmations in flight; default 30 000 ms. */
  shutdownGracePeriodMs?: number;
  /** Deliveries handed to the sender and not yet confirmed, at most; default 2 (the next one is mapped meanwhile). */
  maxInFlightDeliveries?: number;
  /**
   * Objects per delivery, at most; default 1 000. A larger batch is mapped and delivered in parts (each with the
   * author and markings), so memory stays bounded whatever the source's page size; its checkpoint waits for all.
   */
  maxObjectsPerDelivery?: number;
  /** How a run resumes after a retryable `SourceError`. */
  sourceRetry?: SourceRetryOptions;
  /** Random delay before the first run, in ms; default 0. */
  startJitterMs?: number;
  /** Shorter waits after failed runs than a full period. */
  failureBackoff?: FailureBackoff;
  /** Overrides `CONNECTOR_METRICS_PORT` (0 picks a free port, for tests). */
  metricsPort?: number;
  /** Host the metrics server binds; default `0.0.0.0`. */
  metricsHost?: string;
}
