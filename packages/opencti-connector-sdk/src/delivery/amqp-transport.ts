import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import { AmqpConnection, type AmqpConnectionOptions } from "./amqp-connection.js";
import type { AmqpConnectionSettings } from "./amqp-connection-settings.js";
import { createQueueMessageEncoder } from "./amqp-envelope.js";
import { type PublishPolicy, publishWithConfirms } from "./amqp-publisher.js";
import type { BundleTransport, DeliveryBatch, DeliveryOptions, PreparedDelivery } from "./bundle-transport.js";

/** Options of {@link AmqpTransport}; `clock`, `logger`, `random`, `heartbeatSeconds` and `connectionName` as for the connection. */
export interface AmqpTransportOptions
  extends Pick<AmqpConnectionOptions, "clock" | "logger" | "random" | "heartbeatSeconds" | "connectionName"> {
  /** Broker settings: registration's `config.connection` with the `MQ_*` overrides (`resolveAmqpConnection`). */
  readonly connection: AmqpConnectionSettings;
  /** Registration's `config.push_exchange` (e.g. `amqp.worker.exchange`). */
  readonly exchange: string;
  /** Registration's `config.push_routing` (`push_routing_<connector id>`). */
  readonly routingKey: string;
  /** Registration's `connector_user_id`: the envelope's `applicant_id`. */
  readonly applicantId: string | null;
  /** Connection attempts per (re)connection before giving up (default 30). */
  readonly reconnectAttempts?: number | undefined;
  /** Backoff of reconnections and republications: full jitter from 1 s, doubling up to 60 s. */
  readonly retryBaseDelayMs?: number | undefined;
  readonly retryMaxDelayMs?: number | undefined;
  /** Bound on reconnecting and on republishing one message (default 15 min, spec §6.3). */
  readonly giveUpAfterMs?: number | undefined;
  /** Bound on the first connection (default 5 min, the start-up deadline of spec §3.3). */
  readonly startupDeadlineMs?: number | undefined;
  /** Fail when published messages get no confirmation at all for this long (default 15 min). */
  readonly confirmTimeoutMs?: number | undefined;
  /** Unconfirmed messages at once (default 2 000) and bytes at once (default 64 MiB). */
  readonly maxInFlight?: number | undefined;
  readonly maxInFlightBytes?: number | undefined;
  /** Publications of one message before the delivery fails (default 30; `giveUpAfterMs` bounds the time too). */
  readonly maxPublishAttempts?: number | undefined;
  /** Largest message (default 128 MiB, RabbitMQ 3's `max_message_size`; RabbitMQ 4 defaults to 16 MiB). */
  readonly maxMessageBytes?: number | undefined;
  /**
   * Called when the broker returns a message as unroutable (no queue bound): the connector forces a ping, which
   * makes the platform re-declare its queues (spec §6.3). The message is then republished after a backoff.
   */
  readonly onUnroutable?: (() => Promise<void>) | undefined;
}

/**
 * Delivers split bundles to the platform's push exchange over RabbitMQ (spec §6.3): one message per split bundle
 * with the exact envelope, persistent, `mandatory`, publisher confirms awaited for every message of a batch, on
 * one long-lived connection and confirm channel that is reopened (with backoff) after a loss, unconfirmed messages
 * republished. Every failure path is bounded and ends in a `DeliveryError`.
 *
 * Construction does no I/O; `start()` connects (or the first delivery does); `close()` is idempotent.
 */
export class AmqpTransport implements BundleTransport {
  readonly kind = "amqp" as const;
  readonly reachesPlatform = true;
  readonly #options: AmqpTransportOptions;
  readonly #connection: AmqpConnection;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #policy: PublishPolicy;

  constructor(options: AmqpTransportOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
    const giveUpAfterMs = options.giveUpAfterMs ?? 15 * 60_000;
    const baseDelayMs = options.retryBaseDelayMs ?? 1_000;
    const maxDelayMs = options.retryMaxDelayMs ?? 60_000;
    this.#connection = new AmqpConnection({
      settings: options.connection,
      clock: this.#clock,
      logger: this.#logger,
      random: options.random,
      heartbeatSeconds: options.heartbeatSeconds,
      connectionName: options.connectionName,
      maxAttempts: options.reconnectAttempts,
      baseDelayMs,
      maxDelayMs,
      deadlineMs: giveUpAfterMs,
      startupDeadlineMs: options.startupDeadlineMs,
    });
    this.#policy = {
      maxInFlight: options.maxInFlight ?? 2_000,
      maxInFlightBytes: options.maxInFlightBytes ?? 64 * 1024 * 1024,
      maxAttempts: options.maxPublishAttempts ?? 30,
      retryDeadlineMs: giveUpAfterMs,
      baseDelayMs,
      maxDelayMs,
      stallTimeoutMs: options.confirmTimeoutMs ?? 15 * 60_000,
      maxMessageBytes: options.maxMessageBytes ?? 128 * 1024 * 1024,
    };
  }

  /** Opens the connection and the confirm channel (bounded attempts). */
  async start(signal?: AbortSignal): Promise<void> {
    await this.#connection.open(signal);
  }

  /** One message per split bundle; with a work, as many expectations (spec §5.3 rule 1). */
  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery {
    const bundles = batch.split.bundles;
    const count = bundles.length;
    const encode = createQueueMessageEncoder({
      applicantId: this.#options.applicantId,
      entitiesTypes: options.entitiesTypes ?? [],
      update: options.update ?? false,
      draftId: options.draftId ?? null,
      workId: options.workId,
    });
    const perMessage = { messages: 1, objects: 1, expectations: options.workId === undefined ? 0 : 1 };
    return {
      messages: count,
      objects: count,
      expectations: options.workId === undefined ? 0 : count,
      deliver: (onProgress) =>
        publishWithConfirms({
          connection: this.#connection,
          exchange: this.#options.exchange,
          routingKey: this.#options.routingKey,
          count,
          // action_sequence is 1-based.
          encode: (index) => encode(index + 1, bundles[index] as (typeof bundles)[number]),
          onConfirmed: () => onProgress(perMessage),
          onUnroutable: this.#options.onUnroutable,
          policy: this.#policy,
          clock: this.#clock,
          logger: this.#logger,
          random: this.#options.random,
          signal: options.signal,
          host: this.#options.connection.host,
          port: this.#options.connection.port,
        }),
    };
  }

  /** Closes the channel and the connection; pending deliveries fail. Idempotent. */
  async close(): Promise<void> {
    await this.#connection.close();
  }
}
