import { type Clock, type Logger, withRetry } from "@org/opencti-connector-sdk";
import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from "amqplib";
import { z } from "zod";
import { amqpUrl, type RabbitMqConnection, redactedAmqpUrl } from "./amqp-settings.js";
import { connectorQueueNames, exchangeNames } from "./queue-names.js";

/** The connector data the platform puts in its queue arguments. */
export interface QueueOwner {
  id: string;
  name: string;
  type: string;
  scope: readonly string[] | null;
}

/** What a consumer callback decides for a message: ack it, or reject it without requeue (the worker's nack). */
export type Disposition = "ack" | "nack";

/** `connector_queue_details`: messages waiting in the push queue and their size in bytes. */
export interface QueueDetails {
  messages_number: number;
  messages_size: number;
}

/** Messages a consumer may hold unacknowledged (handled one at a time; see `#startConsumer`). */
const PREFETCH = 50;

/** The fields read from the management API's `GET /api/queues/<vhost>/<name>`. */
const managementQueueSchema = z.looseObject({ messages: z.number().optional(), message_bytes: z.number().optional() });

/** Options of {@link Broker}. */
export interface BrokerOptions {
  connection: RabbitMqConnection;
  queuePrefix: string | undefined;
  /** The platform's `rabbitmq:queue_type` (`x-queue-type`). */
  queueType: "classic" | "quorum";
  /** RabbitMQ management API base URL (`http://127.0.0.1:15672`): exact queue sizes when given. */
  managementUrl: string | undefined;
  /** Bytes counted per waiting message when the management API is not available. */
  estimatedMessageBytes: number;
  clock: Clock;
  logger: Logger;
}

/**
 * The emulator's RabbitMQ side: declares the platform's topology, publishes, consumes and measures queues. One
 * long-lived connection; topology changes run on a fresh channel each (as the platform does), so a refused
 * declaration only closes that channel. After an unexpected drop it reconnects with backoff and restores the
 * consumers.
 */
export class Broker {
  readonly #options: BrokerOptions;
  #model: ChannelModel | undefined;
  #publisher: ConfirmChannel | undefined;
  #consumerChannel: Channel | undefined;
  readonly #consumers = new Map<
    string,
    { handler: (message: ConsumeMessage) => Promise<Disposition>; tag?: string; pending: Promise<void> }
  >();
  readonly #stopping = new AbortController();

  constructor(options: BrokerOptions) {
    this.#options = options;
  }

  /** Connects (one attempt: a wrong URL fails `startPlatform`). */
  async start(): Promise<void> {
    await this.#connect();
  }

  /** Declares exchanges, listen and push queues and their bindings exactly as the platform's registration does. */
  async declareConnectorQueues(owner: QueueOwner): Promise<void> {
    const names = connectorQueueNames(owner.id, this.#options.queuePrefix);
    const queueOptions = {
      exclusive: false,
      durable: true,
      autoDelete: false,
      arguments: {
        name: owner.name,
        config: { id: owner.id, type: owner.type, scope: owner.scope ?? [] },
        "x-queue-type": this.#options.queueType,
      },
    };
    await this.#withChannel(async (channel) => {
      await channel.assertExchange(names.listen_exchange, "direct", { durable: true });
      await channel.assertExchange(names.push_exchange, "direct", { durable: true });
      await channel.assertQueue(names.listen, queueOptions);
      await channel.bindQueue(names.listen, names.listen_exchange, names.listen_routing);
      await channel.assertQueue(names.push, queueOptions);
      await channel.bindQueue(names.push, names.push_exchange, names.push_routing);
    });
  }

  /** Deletes both queues of a connector (`deleteConnector`). */
  async deleteConnectorQueues(connectorId: string): Promise<void> {
    const names = connectorQueueNames(connectorId, this.#options.queuePrefix);
    await this.#withChannel(async (channel) => {
      await channel.deleteQueue(names.listen);
      await channel.deleteQueue(names.push);
    });
  }

  /** Empties both queues of a connector (a state reset purges them). */
  async purgeConnectorQueues(connectorId: string): Promise<void> {
    const names = connectorQueueNames(connectorId, this.#options.queuePrefix);
    await this.#withChannel(async (channel) => {
      await channel.purgeQueue(names.listen);
      await channel.purgeQueue(names.push);
    });
  }

  /** Deletes the prefixed exchanges (clean-up of a test run with its own prefix). */
  async deleteExchanges(): Promise<void> {
    const exchanges = exchangeNames(this.#options.queuePrefix);
    await this.#withChannel(async (channel) => {
      await channel.deleteExchange(exchanges.connector);
      await channel.deleteExchange(exchanges.worker);
    });
  }

  /** Publishes a persistent UTF-8 message and waits for the broker's confirm. */
  async publish(exchange: string, routingKey: string, body: string): Promise<void> {
    const channel = await this.#publishChannel();
    await new Promise<void>((resolve, reject) => {
      channel.publish(
        exchange,
        routingKey,
        Buffer.from(body, "utf8"),
        { deliveryMode: 2, contentEncoding: "utf-8" },
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  /**
   * Messages waiting in the connector's push queue, as the platform reports them (spec §6.6): from the management
   * API when configured, else the queue's message count times `estimatedMessageBytes`. Zeros on error.
   */
  async queueDetails(connectorId: string): Promise<QueueDetails> {
    const names = connectorQueueNames(connectorId, this.#options.queuePrefix);
    try {
      if (this.#options.managementUrl) return await this.#managementDetails(names.push);
      let count = 0;
      await this.#withChannel(async (channel) => {
        count = (await channel.checkQueue(names.push)).messageCount;
      });
      return { messages_number: count, messages_size: count * this.#options.estimatedMessageBytes };
    } catch (error) {
      this.#options.logger.warn("Get connector queue details fail", { connectorId, error });
      return { messages_number: 0, messages_size: 0 };
    }
  }

  /** Consumes `queue`, one message at a time in order; the handler's answer acks or rejects (no requeue) it. */
  async consume(queue: string, handler: (message: ConsumeMessage) => Promise<Disposition>): Promise<void> {
    if (this.#consumers.has(queue)) return;
    this.#consumers.set(queue, { handler, pending: Promise.resolve() });
    await this.#startConsumer(queue);
  }

  /** Stops consuming `queue` (messages stay queued); resolves once the messages already delivered are handled. */
  async cancel(queue: string): Promise<void> {
    const consumer = this.#consumers.get(queue);
    this.#consumers.delete(queue);
    if (consumer?.tag && this.#consumerChannel) await this.#consumerChannel.cancel(consumer.tag).catch(() => {});
    await consumer?.pending;
  }

  /** Closes everything; idempotent. */
  async stop(): Promise<void> {
    if (this.#stopping.signal.aborted) return;
    this.#stopping.abort(new Error("broker stopped"));
    const model = this.#model;
    this.#model = undefined;
    this.#publisher = undefined;
    this.#consumerChannel = undefined;
    await model?.close().catch(() => {});
  }

  async #connect(): Promise<ChannelModel> {
    if (this.#model) return this.#model;
    const model = await amqp.connect(amqpUrl(this.#options.connection));
    model.on("error", (error: Error) => this.#options.logger.warn("Broker connection error", { error }));
    model.on("close", () => {
      if (this.#model !== model) return;
      this.#model = undefined;
      this.#publisher = undefined;
      this.#consumerChannel = undefined;
      if (!this.#stopping.signal.aborted) void this.#reconnect();
    });
    this.#model = model;
    return model;
  }

  async #reconnect(): Promise<void> {
    const { logger, clock, connection } = this.#options;
    logger.warn("Broker connection lost, reconnecting", { broker: redactedAmqpUrl(connection) });
    try {
      await withRetry(() => this.#connect(), {
        operation: "broker reconnect",
        clock,
        maxAttempts: Number.POSITIVE_INFINITY,
        baseDelayMs: 200,
        maxDelayMs: 5_000,
        classify: () => ({ retryable: true }),
        signal: this.#stopping.signal,
      });
      await this.#restartConsumers();
      logger.info("Broker connection restored", { consumers: this.#consumers.size });
    } catch (error) {
      if (!this.#stopping.signal.aborted) logger.error("Broker reconnection failed", { error });
    }
  }

  async #restartConsumers(): Promise<void> {
    try {
      for (const queue of this.#consumers.keys()) await this.#startConsumer(queue);
    } catch (error) {
      this.#options.logger.error("Broker consumers could not be restarted", { error });
    }
  }

  async #startConsumer(queue: string): Promise<void> {
    const consumer = this.#consumers.get(queue);
    if (!consumer) return;
    const channel = await this.#consumingChannel();
    // Messages are handled one after the other, in delivery order (objects arrive in dependency order); the
    // prefetch only saves the round trip between two messages.
    const reply = await channel.consume(queue, (message) => {
      if (message === null) {
        // The broker cancelled the consumer (queue deleted).
        this.#consumers.delete(queue);
        return;
      }
      consumer.pending = consumer.pending.then(() =>
        consumer.handler(message).then(
          (disposition) => this.#settle(channel, message, disposition),
          (error: unknown) => {
            this.#options.logger.error("Worker failed on a message", { queue, error });
            this.#settle(channel, message, "nack");
          },
        ),
      );
    });
    consumer.tag = reply.consumerTag;
  }

  /** Acks or rejects (no requeue); a channel closed meanwhile already returned the message to the queue. */
  #settle(channel: Channel, message: ConsumeMessage, disposition: Disposition): void {
    try {
      if (disposition === "ack") channel.ack(message);
      else channel.nack(message, false, false);
    } catch (error) {
      this.#options.logger.warn("Message settled on a closed channel", { error });
    }
  }

  async #consumingChannel(): Promise<Channel> {
    if (this.#consumerChannel) return this.#consumerChannel;
    const model = await this.#connect();
    const channel = await model.createChannel();
    channel.on("error", (error: Error) => this.#options.logger.warn("Broker consumer channel error", { error }));
    channel.on("close", () => {
      if (this.#consumerChannel !== channel) return;
      this.#consumerChannel = undefined;
      // A channel error closed the consumers while the connection lives on: start them again. Checked on the
      // next turn, once a closing connection (which closes its channels first) has been noticed.
      setImmediate(() => {
        if (!this.#stopping.signal.aborted && this.#model) void this.#restartConsumers();
      });
    });
    await channel.prefetch(PREFETCH);
    this.#consumerChannel = channel;
    return channel;
  }

  async #publishChannel(): Promise<ConfirmChannel> {
    if (this.#publisher) return this.#publisher;
    const model = await this.#connect();
    const channel = await model.createConfirmChannel();
    channel.on("error", (error: Error) => this.#options.logger.warn("Broker publish channel error", { error }));
    channel.on("close", () => {
      if (this.#publisher === channel) this.#publisher = undefined;
    });
    this.#publisher = channel;
    return channel;
  }

  async #withChannel(work: (channel: Channel) => Promise<void>): Promise<void> {
    const model = await this.#connect();
    const channel = await model.createChannel();
    // A refused operation closes the channel with an error event; the rejection below carries it.
    channel.on("error", () => {});
    try {
      await work(channel);
    } finally {
      await channel.close().catch(() => {});
    }
  }

  async #managementDetails(queue: string): Promise<QueueDetails> {
    const { managementUrl, connection } = this.#options;
    const url = `${managementUrl?.replace(/\/+$/, "")}/api/queues/${encodeURIComponent(connection.vhost)}/${encodeURIComponent(queue)}`;
    const auth = Buffer.from(`${connection.user}:${connection.pass}`).toString("base64");
    const response = await fetch(url, { headers: { authorization: `Basic ${auth}` } });
    if (!response.ok) throw new Error(`management API answered HTTP ${response.status} for queue ${queue}`);
    const body = managementQueueSchema.parse(await response.json());
    return { messages_number: body.messages ?? 0, messages_size: body.message_bytes ?? 0 };
  }
}
