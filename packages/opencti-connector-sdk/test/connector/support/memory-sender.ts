import type { StixObject } from "@org/stix2-types";
import type { OpenCtiApi } from "../../../src/api/types.js";
import type { BatchDelivery, BatchSender } from "../../../src/connector/batch-sender.js";
import type { SenderFactory } from "../../../src/connector/connector-options.js";
import type { ConnectorMetrics } from "../../../src/metrics/connector-metrics.js";

/** A confirmation held back by a test. */
export interface HeldConfirmation {
  /** Confirms the batch. */
  release(): void;
  /** Fails the batch with `error`. */
  fail(error: unknown): void;
}

/**
 * An in-memory `BatchSender` for unit tests of the connector: announces one expectation per object on the work
 * through the real API client, "publishes" by keeping the batch, and confirms at once (counting one bundle and one
 * record per object) unless the test holds the confirmation or injects a failure.
 */
export class MemorySender implements BatchSender {
  /** Every batch published, in order. */
  readonly published: { workId: string | undefined; objects: StixObject[] }[] = [];
  /** Batches whose confirmation arrived. */
  readonly confirmed: StixObject[][] = [];
  closed = false;
  #api: Pick<OpenCtiApi, "addExpectations"> | undefined;
  #metrics: ConnectorMetrics | undefined;
  readonly #holds = new Map<number, Promise<void>>();
  readonly #failures = new Map<number, unknown>();

  /** The factory to give the connector. */
  readonly factory: SenderFactory = (setup) => {
    this.#api = setup.api;
    this.#metrics = setup.metrics;
    return this;
  };

  /** Holds the confirmation of the `n`-th batch (1-based) until released. */
  hold(n: number): HeldConfirmation {
    let held: HeldConfirmation = { release: () => {}, fail: () => {} };
    this.#holds.set(
      n,
      new Promise<void>((resolve, reject) => {
        held = { release: resolve, fail: reject };
      }),
    );
    return { release: () => held.release(), fail: (error) => held.fail(error) };
  }

  /** Fails the `n`-th batch (1-based) after publishing it. */
  failBatch(n: number, error: unknown): void {
    this.#failures.set(n, error);
  }

  async send(
    objects: readonly StixObject[],
    options: { workId: string | undefined; signal: AbortSignal },
  ): Promise<BatchDelivery> {
    if (this.closed) throw new Error("sender closed");
    const n = this.published.length + 1;
    if (options.workId !== undefined) await this.#api?.addExpectations(options.workId, objects.length);
    this.published.push({ workId: options.workId, objects: [...objects] });
    const hold = this.#holds.get(n);
    if (hold) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(options.signal.reason);
        options.signal.addEventListener("abort", onAbort, { once: true });
        hold.then(resolve, reject).finally(() => options.signal.removeEventListener("abort", onAbort));
      });
    }
    if (this.#failures.has(n)) throw this.#failures.get(n);
    this.confirmed.push([...objects]);
    this.#metrics?.incBundlesSent(objects.length);
    this.#metrics?.incRecordsSent(objects.length);
    return { sent: objects.length, expectations: options.workId === undefined ? 0 : objects.length, warnings: [] };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
