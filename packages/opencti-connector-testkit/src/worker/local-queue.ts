import type { Logger } from "@org/opencti-connector-sdk";
import type { QueueDetails } from "../broker/broker.js";

interface QueuedMessage {
  connectorId: string;
  body: string;
}

/**
 * The push queues when no broker is configured (API push only): messages are kept in memory in arrival order and
 * handed one at a time to the worker on later event-loop turns, so a `stixBundlePush` answers before its bundle
 * is processed, as on the platform.
 */
export class LocalQueue {
  readonly #handle: (connectorId: string, body: string) => Promise<unknown>;
  readonly #logger: Logger;
  readonly #messages: QueuedMessage[] = [];
  #paused: boolean;
  #draining = false;
  #stopped = false;
  #idleWaiters: (() => void)[] = [];

  constructor(options: {
    handle: (connectorId: string, body: string) => Promise<unknown>;
    logger: Logger;
    paused: boolean;
  }) {
    this.#handle = options.handle;
    this.#logger = options.logger;
    this.#paused = options.paused;
  }

  /** Queues a message for a connector's push queue. */
  push(connectorId: string, body: string): void {
    if (this.#stopped) return;
    this.#messages.push({ connectorId, body });
    this.#schedule();
  }

  /** Messages waiting for `connectorId` and their UTF-8 size. */
  details(connectorId: string): QueueDetails {
    const waiting = this.#messages.filter((m) => m.connectorId === connectorId);
    return {
      messages_number: waiting.length,
      messages_size: waiting.reduce((sum, m) => sum + Buffer.byteLength(m.body, "utf8"), 0),
    };
  }

  /** Drops every waiting message of `connectorId` (state reset, connector deletion). */
  purge(connectorId: string): void {
    for (let i = this.#messages.length - 1; i >= 0; i--) {
      if (this.#messages[i]?.connectorId === connectorId) this.#messages.splice(i, 1);
    }
    this.#settle();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#schedule();
  }

  /** Resolves once nothing is waiting or being processed (or at once when paused with messages waiting). */
  idle(): Promise<void> {
    if (!this.#draining && (this.#messages.length === 0 || this.#paused)) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  stop(): void {
    this.#stopped = true;
    this.#messages.length = 0;
    this.#settle();
  }

  #schedule(): void {
    if (this.#draining || this.#paused || this.#stopped || this.#messages.length === 0) return;
    this.#draining = true;
    setImmediate(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    while (!this.#paused && !this.#stopped) {
      const next = this.#messages.shift();
      if (!next) break;
      try {
        await this.#handle(next.connectorId, next.body);
      } catch (error) {
        this.#logger.error("Worker failed on a message", { connectorId: next.connectorId, error });
      }
    }
    this.#draining = false;
    this.#settle();
  }

  #settle(): void {
    if (this.#draining || (this.#messages.length > 0 && !this.#paused)) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
