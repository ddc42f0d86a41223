import { randomUUID } from "node:crypto";
import type { OpenCtiApi } from "../api/types.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import { type StixBundleRecord, type StixObjectRecord, splitBundle } from "./bundle-splitter.js";
import type { BundleTransport, DeliveryOptions, PreparedDelivery, UnsplitBundle } from "./bundle-transport.js";
import type { SplitWarning } from "./split-warning.js";

/** A batch to deliver: a bundle, or a list of objects (wrapped in a bundle with a generated id). */
export type SendInput = StixBundleRecord | readonly StixObjectRecord[];

/** Options of one delivery. */
export interface SendOptions extends DeliveryOptions {
  /** pycti's `cleanup_inconsistent_bundle` for this delivery (default: the sender's). */
  readonly cleanupInconsistentBundle?: boolean | undefined;
  /** Written as `x_opencti_event_version` on every split bundle. */
  readonly eventVersion?: string | number | undefined;
}

/** Counters of what reached the platform, for metrics (`bundles_sent`, `records_sent`, spec §8.2). */
export interface SentCounts {
  readonly transport: BundleTransport["kind"];
  /** Messages confirmed by RabbitMQ, or bundles accepted by `stixBundlePush`. */
  readonly messages: number;
  /** Objects they carried. */
  readonly objects: number;
}

/** Outcome of one confirmed batch. */
export interface BatchResult {
  /** Messages confirmed (AMQP) or bundles pushed (API) for this batch. */
  readonly sent: number;
  /** Objects those messages carried. */
  readonly objects: number;
  /** Expectations announced on the work for this batch (`addExpectations`). */
  readonly expectations: number;
  /** References removed and objects dropped by the splitter (also logged at WARNING). */
  readonly warnings: readonly SplitWarning[];
}

/** Outcome of a whole delivery (one input, or every batch of an async iterable). */
export interface DeliveryResult extends BatchResult {
  /** Batches delivered (batches with nothing to import are skipped). */
  readonly batches: number;
  /** Total number of warnings; `warnings` keeps the first `maxWarnings`. */
  readonly warningCount: number;
}

/** Options of {@link BundleSender}. */
export interface BundleSenderOptions {
  /** Where bundles go, in order (see `createTransports`): typically a directory, then AMQP or API. */
  readonly transports: readonly BundleTransport[];
  /** Work calls; needed whenever a delivery has a `workId` and a transport that counts expectations. */
  readonly api?: Pick<OpenCtiApi, "addExpectations" | "reportExpectation"> | undefined;
  readonly logger?: Logger | undefined;
  /** Default of {@link SendOptions.cleanupInconsistentBundle} (default `false`, as pycti). */
  readonly cleanupInconsistentBundle?: boolean | undefined;
  /** Called as messages are confirmed, for metrics. */
  readonly onSent?: ((counts: SentCounts) => void) | undefined;
  /** Warnings kept in a {@link DeliveryResult} (default 1 000); all are counted and logged per batch. */
  readonly maxWarnings?: number | undefined;
  /** `reportExpectation` calls in flight when reporting undelivered messages (default 8). */
  readonly reportConcurrency?: number | undefined;
  /** Id of a bundle made from a list of objects (default `bundle--<random UUID>`). */
  readonly generateBundleId?: (() => string) | undefined;
}

/** Warnings listed in the per-batch WARNING line. */
const LOGGED_WARNINGS = 100;

const isAsyncIterable = (value: unknown): value is AsyncIterable<SendInput> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/**
 * Sends STIX to the platform the way its worker expects and loses nothing (spec §5.3, §6).
 *
 * Per batch: split (spec §6.1; removed references logged once at WARNING and returned), then for each transport
 * announce the exact number of messages the worker will count with `addExpectations` before publishing the first
 * one (a failure aborts the batch with nothing published), publish, and resolve only when every message is
 * confirmed. When publication stops for good after k of N messages, the N − k undelivered expectations are
 * reported with `reportExpectation(error)` so the work completes with visible errors, and a `DeliveryError` is
 * thrown.
 *
 * A connector checkpoints after each {@link BundleSender.sendBatch} resolves: the batch is then on the broker.
 *
 * @example
 * ```ts
 * const sender = new BundleSender({ transports: createTransports({ connector, registration, mq, api }), api, logger });
 * for await (const batch of collect()) {
 *   await sender.sendBatch(batch, { workId });
 *   await checkpoint(batch.cursor); // only after the batch is confirmed
 * }
 * ```
 */
export class BundleSender {
  readonly #options: BundleSenderOptions;
  readonly #logger: Logger;

  constructor(options: BundleSenderOptions) {
    this.#options = options;
    this.#logger = options.logger ?? noopLogger;
  }

  /**
   * Delivers one input, or every batch of an async iterable one after the other (pulling the next batch only once
   * the previous one is confirmed and `onBatch` has resolved, so memory stays bounded and a checkpoint can be
   * taken in `onBatch`). A single input with nothing to import is an error (`Nothing to import`); in a stream,
   * such batches are skipped with a warning.
   */
  async send(
    input: SendInput | AsyncIterable<SendInput>,
    options: SendOptions & {
      onBatch?: ((result: BatchResult, index: number) => void | Promise<void>) | undefined;
    } = {},
  ): Promise<DeliveryResult> {
    const maxWarnings = this.#options.maxWarnings ?? 1_000;
    const total = { sent: 0, objects: 0, expectations: 0, batches: 0, warningCount: 0 };
    const warnings: SplitWarning[] = [];
    const add = async (result: BatchResult | undefined) => {
      if (result === undefined) return;
      total.sent += result.sent;
      total.objects += result.objects;
      total.expectations += result.expectations;
      total.warningCount += result.warnings.length;
      for (const warning of result.warnings) if (warnings.length < maxWarnings) warnings.push(warning);
      await options.onBatch?.(result, total.batches);
      total.batches++;
    };
    if (isAsyncIterable(input)) {
      for await (const batch of input) {
        options.signal?.throwIfAborted();
        await add(await this.#deliver(batch, options, false));
      }
    } else {
      await add(await this.#deliver(input, options, true));
    }
    return { ...total, warnings };
  }

  /**
   * Delivers one batch of a delivery and resolves once every message is confirmed: the call a connector makes per
   * batch before checkpointing. A batch with nothing to import publishes nothing and resolves with zero counts.
   */
  async sendBatch(batch: SendInput, options: SendOptions = {}): Promise<BatchResult> {
    return (await this.#deliver(batch, options, false)) ?? { sent: 0, objects: 0, expectations: 0, warnings: [] };
  }

  async #deliver(input: SendInput, options: SendOptions, nothingIsAnError: boolean): Promise<BatchResult | undefined> {
    const bundle = this.#asBundle(input);
    const split = splitBundle(bundle, {
      cleanupInconsistentBundle: options.cleanupInconsistentBundle ?? this.#options.cleanupInconsistentBundle ?? false,
      ...(options.eventVersion === undefined ? {} : { eventVersion: options.eventVersion }),
    });
    this.#logWarnings(split.bundleId, split.warnings);
    if (split.expectations === 0) {
      if (nothingIsAnError) throw new InvalidBundleError("objects", "Nothing to import");
      this.#logger.warn("Nothing to import in this batch: it is skipped", { bundle_id: split.bundleId });
      return undefined;
    }
    let sent = 0;
    let objects = 0;
    let expectations = 0;
    for (const transport of this.#options.transports) {
      const prepared = transport.prepare({ bundle, split }, options);
      if (prepared.messages === 0) continue;
      await this.#announce(transport, prepared, options.workId);
      expectations += prepared.expectations;
      let fulfilled = 0;
      let delivered = 0;
      try {
        await prepared.deliver((progress) => {
          fulfilled += progress.expectations;
          delivered += progress.messages;
          if (!transport.reachesPlatform) return;
          sent += progress.messages;
          objects += progress.objects;
          this.#options.onSent?.({ transport: transport.kind, messages: progress.messages, objects: progress.objects });
        });
      } catch (error) {
        const failure = DeliveryError.isInstance(error)
          ? error
          : new DeliveryError({
              transport: transport.kind,
              phase: "publish",
              message: error instanceof Error ? error.message : String(error),
              isRetryable: false,
              delivered,
              total: prepared.messages,
              cause: error,
            });
        await this.#reportUndelivered(options.workId, prepared.expectations - fulfilled, failure);
        throw failure;
      }
    }
    this.#logger.debug("Batch delivered", { bundle_id: split.bundleId, messages: sent, expectations });
    return { sent, objects, expectations, warnings: split.warnings };
  }

  #asBundle(input: SendInput): UnsplitBundle {
    const newId = () => this.#options.generateBundleId?.() ?? `bundle--${randomUUID()}`;
    if (Array.isArray(input)) return { type: "bundle", id: newId(), objects: input };
    const bundle = input as StixBundleRecord;
    if (!Array.isArray(bundle.objects)) throw new InvalidBundleError("objects", "a bundle needs an `objects` array");
    const id = typeof bundle.id === "string" ? bundle.id : newId();
    return { ...(bundle as unknown as Record<string, unknown>), type: "bundle", id, objects: bundle.objects };
  }

  /** Spec §5.3 rules 1–3: announce before publishing; a failure aborts the batch with nothing published. */
  async #announce(transport: BundleTransport, prepared: PreparedDelivery, workId: string | undefined): Promise<void> {
    if (prepared.expectations === 0 || workId === undefined) return;
    const api = this.#options.api;
    try {
      if (api === undefined) throw new Error("no OpenCTI client was given to the sender");
      await api.addExpectations(workId, prepared.expectations);
    } catch (error) {
      throw new DeliveryError({
        transport: transport.kind,
        phase: "expectations",
        message: `addExpectations(${prepared.expectations}) failed, nothing was published: ${error instanceof Error ? error.message : String(error)}`,
        isRetryable: (error as { isRetryable?: unknown } | null)?.isRetryable === true,
        delivered: 0,
        total: prepared.messages,
        cause: error,
      });
    }
  }

  /** Spec §5.3 rule 5: one `reportExpectation(error)` per announced message that will never arrive. */
  async #reportUndelivered(workId: string | undefined, missing: number, failure: DeliveryError): Promise<void> {
    const api = this.#options.api;
    if (workId === undefined || missing <= 0 || api === undefined) return;
    this.#logger.error("Delivery failed: reporting the undelivered messages on the work", {
      work_id: workId,
      undelivered: missing,
      error: failure,
    });
    const report = { error: `Delivery failed: ${failure.message}`, source: "CONNECTOR" };
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < missing) {
        next++;
        await api.reportExpectation(workId, report).catch(() => {
          failed++;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(missing, this.#options.reportConcurrency ?? 8) }, worker));
    if (failed > 0) {
      this.#logger.error("Could not report every undelivered message: the work may stay in progress", {
        work_id: workId,
        unreported: failed,
      });
    }
  }

  /** One WARNING per batch listing what the splitter removed (spec §6.1). */
  #logWarnings(bundleId: string, warnings: readonly SplitWarning[]): void {
    if (warnings.length === 0) return;
    const reasons: Record<string, number> = {};
    for (const warning of warnings) reasons[warning.reason] = (reasons[warning.reason] ?? 0) + 1;
    this.#logger.warn("The bundle splitter removed references or objects the platform cannot import", {
      bundle_id: bundleId,
      count: warnings.length,
      reasons,
      removed: warnings.slice(0, LOGGED_WARNINGS),
      ...(warnings.length > LOGGED_WARNINGS ? { not_listed: warnings.length - LOGGED_WARNINGS } : {}),
    });
  }
}
