import type { Server } from "node:http";
import type { Clock } from "@org/opencti-connector-sdk";
import type { RabbitMqConnection } from "../broker/amqp-settings.js";
import type { Broker } from "../broker/broker.js";
import { WaitError } from "../errors/wait-error.js";
import type { CallRecord } from "../store/call-log.js";
import type { ConnectorSnapshot } from "../store/connector-store.js";
import type { DanglingReference, IngestedObject, IngestedRecord } from "../store/ingest-store.js";
import type { WorkSnapshot, WorkStatus } from "../store/work-store.js";
import type { WorkerStats } from "../worker/message-processor.js";
import type { PlatformEngine } from "./platform-engine.js";

/** Options of {@link Platform.waitForWork}. */
export interface WaitForWorkOptions {
  /** Default 10 000 ms (measured by the platform's clock). */
  timeoutMs?: number;
  /** With a work id: the status to wait for. Default `complete`. */
  status?: WorkStatus;
}

/** Filter of {@link Platform.objects}. */
export interface ObjectFilter {
  type?: string;
  connectorId?: string;
  workId?: string;
}

/** The parts a running emulator is made of (built by `startPlatform`). */
export interface PlatformParts {
  engine: PlatformEngine;
  server: Server;
  broker: Broker | undefined;
  url: string;
  token: string;
  connection: RabbitMqConnection | null;
  queuePrefix: string | undefined;
  clock: Clock;
  cleanupOnStop: boolean;
  managerInterval: AbortController;
}

/**
 * A running OpenCTI platform emulator: give `url` and `token` to a connector (`OPENCTI_URL`, `OPENCTI_TOKEN`),
 * then assert on what it sent. Snapshots returned are frozen copies.
 */
export class Platform {
  /** Base URL to use as `OPENCTI_URL` (GraphQL at `<url>/graphql`, the page at `<url>/`). */
  readonly url: string;
  /** The Bearer token to use as `OPENCTI_TOKEN`. */
  readonly token: string;
  /** The broker settings handed out at registration, or `null` (API push only). */
  readonly amqp: RabbitMqConnection | null;
  readonly #parts: PlatformParts;
  #stopped: Promise<void> | undefined;

  constructor(parts: PlatformParts) {
    this.#parts = parts;
    this.url = parts.url;
    this.token = parts.token;
    this.amqp = parts.connection;
  }

  /** The environment a connector needs to reach this emulator. */
  env(): { OPENCTI_URL: string; OPENCTI_TOKEN: string } {
    return { OPENCTI_URL: this.url, OPENCTI_TOKEN: this.token };
  }

  /** Registered connectors, in registration order. */
  connectors(): ConnectorSnapshot[] {
    return this.#parts.engine.connectors.list();
  }

  /** One connector, or `undefined` when it is not registered. */
  connector(id: string): ConnectorSnapshot | undefined {
    return this.#parts.engine.connectors.get(id);
  }

  /** Works (oldest first), of one connector or all. */
  works(connectorId?: string): WorkSnapshot[] {
    return this.#parts.engine.works.list(connectorId);
  }

  /** One work, or `undefined` when it does not exist (never created, or deleted). */
  work(id: string): WorkSnapshot | undefined {
    return this.#parts.engine.works.get(id);
  }

  /** Ingested objects (latest version of each), in ingestion order. */
  objects(filter: ObjectFilter = {}): IngestedObject[] {
    return this.#parts.engine.ingest.records(filter).map((r) => r.object);
  }

  /** One ingested object with where it came from. */
  object(id: string): IngestedRecord | undefined {
    return this.#parts.engine.ingest.get(id);
  }

  /** Number of ingested objects per STIX type. */
  countsByType(): Record<string, number> {
    return this.#parts.engine.ingest.countsByType();
  }

  /** References of ingested objects pointing to nothing ingested (the platform's markings count as present). */
  danglingReferences(): DanglingReference[] {
    return this.#parts.engine.ingest.danglingReferences();
  }

  /**
   * The connector's saved state as an object, or `null` when there is none (`null`, `""`, invalid JSON, a
   * non-object and `{}` all mean none, spec §4.4).
   */
  state(connectorId: string): Record<string, unknown> | null {
    const raw = this.rawState(connectorId);
    if (!raw) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
      return Object.keys(parsed).length > 0 ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  /** The state string exactly as last stored by a ping. */
  rawState(connectorId: string): string | null {
    return this.#parts.engine.connectors.get(connectorId)?.state ?? null;
  }

  /**
   * Resets a connector's state as an operator does in the platform's UI: state `""`, queues purged, and the next
   * ping returns `""` and ignores the state it sends. Throws for an unknown connector.
   */
  async resetState(connectorId: string): Promise<void> {
    const connector = await this.#parts.engine.resetState(connectorId);
    if (!connector) throw new RangeError(`resetState: no connector ${connectorId} is registered`);
  }

  /**
   * Resolves with the work once it reaches `status` (default `complete`), or with the first work the predicate
   * accepts; checks at once, then on every work change. Rejects with `WaitError` after `timeoutMs`, or as soon as
   * the awaited work is deleted.
   */
  async waitForWork(
    target: string | ((work: WorkSnapshot) => boolean),
    options: WaitForWorkOptions = {},
  ): Promise<WorkSnapshot> {
    const { engine } = this.#parts;
    const status = options.status ?? "complete";
    const matches = typeof target === "string" ? (w: WorkSnapshot) => w.id === target && w.status === status : target;
    const work = await this.waitUntil(
      () => {
        if (typeof target === "string" && !engine.works.isAlive(target)) return null;
        return engine.works.list().find(matches);
      },
      {
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        awaited: typeof target === "string" ? `work ${target} to be ${status}` : "a work matching the predicate",
        seen: () => describeWorks(engine.works.list()),
      },
    );
    if (work === null) {
      const awaited = `work ${String(target)} to be ${status}`;
      throw new WaitError({
        reason: "deleted",
        awaited,
        timeoutMs: options.timeoutMs ?? 10_000,
        seen: "the work was deleted",
      });
    }
    return work;
  }

  /**
   * Resolves with the first value `check` returns other than `undefined` or `false`, evaluating it at once and
   * after every change of the emulator (connectors, works, objects, worker messages); no polling. Rejects with
   * `WaitError` after `timeoutMs` (default 10 000, measured by the platform's clock).
   */
  waitUntil<T>(
    check: () => T | undefined | false,
    options: { timeoutMs?: number; awaited?: string; seen?: () => string } = {},
  ): Promise<T> {
    const { engine, clock } = this.#parts;
    const timeoutMs = options.timeoutMs ?? 10_000;
    const first = check();
    if (first !== undefined && first !== false) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const timer = new AbortController();
      const events = ["work", "connector", "object", "message"] as const;
      const finish = () => {
        for (const event of events) engine.events.off(event, onChange);
        timer.abort();
      };
      const onChange = () => {
        const value = check();
        if (value === undefined || value === false) return;
        finish();
        resolve(value);
      };
      for (const event of events) engine.events.on(event, onChange);
      clock.sleep(timeoutMs, timer.signal).then(
        () => {
          finish();
          const awaited = options.awaited ?? "the condition";
          reject(new WaitError({ reason: "timeout", awaited, timeoutMs, seen: options.seen?.() ?? "it never held" }));
        },
        () => {},
      );
    });
  }

  /** GraphQL calls received (oldest first), optionally of one root field or operation name. */
  calls(filter: { field?: string; operationName?: string } = {}): CallRecord[] {
    return this.#parts.engine.calls.list(filter);
  }

  /** What the worker did so far. */
  workerStats(): WorkerStats {
    return this.#parts.engine.processor.stats;
  }

  /**
   * Stops consuming push queues: messages stay queued (e.g. to test the queue threshold). Resolves once the
   * messages the worker had already received are handled.
   */
  pauseWorker(): Promise<void> {
    return this.#parts.engine.pauseWorker();
  }

  /** Consumes every registered connector's push queue again. */
  resumeWorker(): Promise<void> {
    return this.#parts.engine.resumeWorker();
  }

  /** Runs one pass of the platform's connector manager now (old works completed, stale ones deleted). */
  runConnectorManager(): void {
    this.#parts.engine.works.runManager();
  }

  /** Without a broker: resolves once every pushed bundle has been processed. With a broker: at once. */
  idle(): Promise<void> {
    return this.#parts.engine.idle();
  }

  /**
   * Stops serving and the worker, and (with `cleanupOnStop`) deletes the queues of the connectors still
   * registered and the prefixed exchanges. Idempotent.
   */
  stop(): Promise<void> {
    this.#stopped ??= this.#stop();
    return this.#stopped;
  }

  async #stop(): Promise<void> {
    const { engine, server, broker, cleanupOnStop, queuePrefix, managerInterval } = this.#parts;
    managerInterval.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    const connectors = engine.connectors.list();
    engine.stop();
    if (broker) {
      if (cleanupOnStop) {
        for (const c of connectors) await broker.deleteConnectorQueues(c.id).catch(() => {});
        if (queuePrefix) await broker.deleteExchanges().catch(() => {});
      }
      await broker.stop();
    }
  }
}

function describeWorks(works: readonly WorkSnapshot[]): string {
  if (works.length === 0) return "no work exists";
  return `works: ${works
    .map((w) => `${w.id} is ${w.status} (${w.status === "complete" ? w.completedNumber : w.processed}/${w.expected})`)
    .join(", ")}`;
}
