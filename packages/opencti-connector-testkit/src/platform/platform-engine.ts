import { EventEmitter } from "node:events";
import type { Clock, Logger } from "@org/opencti-connector-sdk";
import type { RabbitMqConnection } from "../broker/amqp-settings.js";
import type { Broker, QueueDetails } from "../broker/broker.js";
import { connectorQueueNames } from "../broker/queue-names.js";
import { alreadyDeletedError, functionalError, unsupportedError, validationError } from "../graphql/platform-errors.js";
import { CallLog } from "../store/call-log.js";
import {
  type ConnectorInfo,
  type ConnectorRegistration,
  type ConnectorSnapshot,
  ConnectorStore,
} from "../store/connector-store.js";
import { type IngestedRecord, IngestStore } from "../store/ingest-store.js";
import { type WorkSnapshot, WorkStore } from "../store/work-store.js";
import { encodeContent } from "../worker/envelope.js";
import { LocalQueue } from "../worker/local-queue.js";
import {
  MessageProcessor,
  type ReferenceMode,
  type SplitBundle,
  type ValidateObject,
  type WorkerStats,
} from "../worker/message-processor.js";

/** The user behind the emulator's token. */
export interface PlatformUser {
  readonly id: string;
  readonly name: string;
}

/** Events the engine emits on every change (for `waitForWork` and the page). */
export interface PlatformEvents {
  work: [work: WorkSnapshot, deleted: boolean];
  connector: [connector: ConnectorSnapshot];
  object: [record: IngestedRecord];
  /** A push-queue message was handled (the worker's counters changed). */
  message: [stats: WorkerStats];
}

/** Collaborators and settings of {@link PlatformEngine}. */
export interface PlatformEngineOptions {
  clock: Clock;
  logger: Logger;
  /** Settings returned by `registerConnector` (`config.connection`). */
  connection: RabbitMqConnection;
  queuePrefix: string | undefined;
  /** The RabbitMQ side; without it, pushed bundles are processed in memory. */
  broker: Broker | undefined;
  split: SplitBundle;
  validate: ValidateObject;
  references: ReferenceMode;
  seededIds: Iterable<string>;
  workerPaused: boolean;
  callLogLimit: number;
}

/**
 * The platform's behaviour behind the GraphQL resolvers and the test API: connectors, works, the push queues and
 * the worker, with the semantics of spec §4–§6.
 */
export class PlatformEngine {
  readonly events = new EventEmitter<PlatformEvents>();
  readonly connectors: ConnectorStore;
  readonly works: WorkStore;
  readonly ingest: IngestStore;
  readonly calls: CallLog;
  readonly processor: MessageProcessor;
  readonly #options: PlatformEngineOptions;
  readonly #local: LocalQueue | undefined;
  #workerPaused: boolean;

  constructor(options: PlatformEngineOptions) {
    this.#options = options;
    this.#workerPaused = options.workerPaused;
    // Any number of waiters may listen.
    this.events.setMaxListeners(0);
    const { clock } = options;
    this.connectors = new ConnectorStore({ clock, onChange: (c) => this.events.emit("connector", c) });
    this.works = new WorkStore({ clock, onChange: (w, deleted) => this.events.emit("work", w, deleted) });
    this.ingest = new IngestStore({
      clock,
      seededIds: options.seededIds,
      onChange: (r) => this.events.emit("object", r),
    });
    this.calls = new CallLog(options.callLogLimit);
    this.processor = new MessageProcessor({
      works: this.works,
      ingest: this.ingest,
      split: options.split,
      validate: options.validate,
      references: options.references,
      logger: options.logger.child({}, "worker"),
      onProcessed: (stats) => this.events.emit("message", stats),
    });
    this.#local = options.broker
      ? undefined
      : new LocalQueue({
          logger: options.logger,
          paused: options.workerPaused,
          handle: (connectorId, body) =>
            this.processor.process(connectorId, body, async (envelope) =>
              this.#local?.push(connectorId, JSON.stringify(envelope)),
            ),
        });
  }

  /**
   * `registerConnector`: (re)declares the queues, then creates or patches the connector, keeping its state.
   * The worker starts consuming the push queue.
   */
  async registerConnector(input: ConnectorRegistration, user: PlatformUser): Promise<ConnectorSnapshot> {
    if (input.name.trim().length < 2) {
      throw validationError("The connector name must be at least 2 characters long and not blank", "name");
    }
    const scope = input.scope ?? null;
    await this.#options.broker?.declareConnectorQueues({ id: input.id, name: input.name, type: input.type, scope });
    const connector = this.connectors.register(input, user.id);
    if (!this.#workerPaused) await this.#consume(connector.id);
    return connector;
  }

  /** `pingConnector`: re-asserts the queues, then stores state and info (or consumes a pending reset). */
  async pingConnector(id: string, state: string | null, info: ConnectorInfo | null): Promise<ConnectorSnapshot> {
    const existing = this.connectors.get(id);
    if (!existing) throw functionalError("No connector found with the specified ID", { id });
    await this.#options.broker?.declareConnectorQueues(existing);
    return this.connectors.ping(id, state, info) ?? existing;
  }

  /** `connector_queue_details` of a connector's push queue. */
  async queueDetails(connectorId: string): Promise<QueueDetails> {
    if (this.#local) return this.#local.details(connectorId);
    return this.#options.broker?.queueDetails(connectorId) ?? { messages_number: 0, messages_size: 0 };
  }

  /** `workAdd`: a work in `progress` for an existing connector. */
  workAdd(connectorId: string, friendlyName: string | null, user: PlatformUser): WorkSnapshot {
    const connector = this.connectors.get(connectorId);
    if (!connector) throw functionalError("No connector found with the specified ID", { id: connectorId });
    return this.works.create({
      connectorId,
      name: friendlyName,
      userId: user.id,
      eventSourceId: connectorId,
      received: true,
    });
  }

  /**
   * `stixBundlePush` (spec §6.4): checks the bundle and the connector, opens a work when none is given (with one
   * expectation for a one-object bundle), and queues the whole bundle for the worker, which splits it. Every
   * refusal is `UNSUPPORTED_ERROR` `Invalid bundle`, the reason in `extensions.data.reason`.
   */
  async pushBundle(connectorId: string, bundle: string, workId: string | null, user: PlatformUser): Promise<boolean> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bundle);
    } catch (error) {
      throw unsupportedError("Invalid bundle", { reason: `bundle is not JSON: ${(error as Error).message}` });
    }
    const objects = (parsed as { objects?: unknown } | null)?.objects;
    if ((parsed as { type?: unknown } | null)?.type !== "bundle" || !Array.isArray(objects) || objects.length === 0) {
      throw unsupportedError("Invalid bundle", { reason: "Invalid stix bundle", work_id: workId });
    }
    const connector = this.connectors.get(connectorId);
    if (!connector) throw unsupportedError("Invalid bundle", { reason: "Invalid connector", connectorId });
    let targetWorkId = workId;
    if (!targetWorkId) {
      const now = new Date(this.#options.clock.now()).toISOString();
      const work = this.works.create({
        connectorId,
        name: `${connector.name} run @ ${now}`,
        userId: user.id,
        eventSourceId: connectorId,
        received: true,
      });
      targetWorkId = work.id;
      if (objects.length === 1) this.works.addExpectations(targetWorkId, 1);
    }
    const envelope = {
      type: "bundle",
      applicant_id: user.id,
      content: encodeContent(parsed),
      work_id: targetWorkId,
      update: true,
    };
    await this.#pushToWorker(connectorId, JSON.stringify(envelope));
    return true;
  }

  /** `deleteConnector`: its works, both queues and the connector itself. */
  async deleteConnector(id: string): Promise<string> {
    if (!this.connectors.get(id)) throw alreadyDeletedError({ connectorId: id });
    this.works.deleteForConnector(id);
    this.#local?.purge(id);
    const broker = this.#options.broker;
    if (broker) {
      await broker.cancel(connectorQueueNames(id, this.#options.queuePrefix).push);
      await broker.deleteConnectorQueues(id);
    }
    this.connectors.delete(id);
    return id;
  }

  /** The platform's `resetStateConnector`: state `""`, a pending reset, both queues purged. */
  async resetState(id: string): Promise<ConnectorSnapshot | undefined> {
    const connector = this.connectors.resetState(id);
    if (!connector) return undefined;
    this.#local?.purge(id);
    await this.#options.broker?.purgeConnectorQueues(id);
    return connector;
  }

  /** Stops consuming push queues; messages stay queued (to test buffering). */
  async pauseWorker(): Promise<void> {
    this.#workerPaused = true;
    this.#local?.pause();
    const broker = this.#options.broker;
    if (broker) {
      for (const c of this.connectors.list())
        await broker.cancel(connectorQueueNames(c.id, this.#options.queuePrefix).push);
    }
  }

  /** Resumes consuming every registered connector's push queue. */
  async resumeWorker(): Promise<void> {
    this.#workerPaused = false;
    this.#local?.resume();
    for (const c of this.connectors.list()) await this.#consume(c.id);
  }

  /** Resolves when the in-memory queue is drained (API push without broker); at once with a broker. */
  idle(): Promise<void> {
    return this.#local?.idle() ?? Promise.resolve();
  }

  /** Ends the worker; idempotent. */
  stop(): void {
    this.#local?.stop();
    this.events.removeAllListeners();
  }

  async #pushToWorker(connectorId: string, body: string): Promise<void> {
    const broker = this.#options.broker;
    if (!broker) {
      this.#local?.push(connectorId, body);
      return;
    }
    const names = connectorQueueNames(connectorId, this.#options.queuePrefix);
    await broker.publish(names.push_exchange, names.push_routing, body);
  }

  async #consume(connectorId: string): Promise<void> {
    const broker = this.#options.broker;
    if (!broker) return;
    const names = connectorQueueNames(connectorId, this.#options.queuePrefix);
    await broker.consume(names.push, (message) =>
      this.processor.process(connectorId, message.content.toString("utf8"), (envelope) =>
        broker.publish(message.fields.exchange, message.fields.routingKey, JSON.stringify(envelope)),
      ),
    );
  }
}
