import { type Identity, type MarkingDefinition, type StixObject, withDefaults } from "@org/stix2-types";
import type { z } from "zod";
import type { Clock } from "../clock/clock.js";
import { type RetryAttempt, RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { RunInterruptedError } from "../errors/run-interrupted-error.js";
import { StateResetError } from "../errors/state-reset-error.js";
import type { ConnectorHelper } from "../helper/connector-helper.js";
import type { Logger } from "../logging/logger.js";
import type { ConnectorMetrics } from "../metrics/connector-metrics.js";
import type { BufferingGate } from "../scheduler/buffering-gate.js";
import type { RunContext } from "../scheduler/scheduler.js";
import { RunWork, type WorkApi } from "../work/run-work.js";
import { workErrorMessage, workFriendlyName, workSummaryMessage } from "../work/work-messages.js";
import { BatchDefaults, mapBatch, type SkippedRecord, type StixOutput } from "./batch-mapper.js";
import type { BatchSender } from "./batch-sender.js";
import { CheckpointQueue } from "./checkpoint-queue.js";
import type { CollectContext, MapContext } from "./import-context.js";
import {
  type ImportState,
  type ImportStateSchema,
  LAST_RUN_KEY,
  mergeCheckpoint,
  readStoredState,
  relativeStart,
} from "./import-state.js";
import { raceAbort } from "./race-abort.js";
import { RunProgress } from "./run-progress.js";
import { retryableSourceError, type SourceRetryOptions, sourceRetryDelayMs } from "./source-retry.js";

/** Skipped records kept for itemising on the work (the platform keeps 100 errors per work). */
const MAX_REPORTED_SKIPS = 100;

/** Everything one run of an external import uses; built by the connector for each run. */
export interface ImportRunOptions<C, S extends z.ZodObject, R> {
  connectorId: string;
  connectorName: string;
  config: C;
  /** The connector's state schema with `last_run`. */
  stateSchema: ImportStateSchema<S>;
  helper: Pick<ConnectorHelper, "getState" | "stateGeneration" | "checkpoint" | "onStateReset">;
  /** The work API; `undefined` when `CONNECTOR_SEND_TO_QUEUE=false` (no work calls at all). */
  workApi: WorkApi | undefined;
  sender: BatchSender;
  /** Between-batches queue threshold check; `undefined` when nothing goes to the platform's queue. */
  gate: Pick<BufferingGate, "waitUntilBelow"> | undefined;
  clock: Clock;
  logger: Logger;
  metrics: ConnectorMetrics;
  collect: (context: CollectContext<C, ImportState<S>>) => AsyncIterable<readonly R[]>;
  toStix: (record: R, context: MapContext<C>) => StixOutput | Promise<StixOutput>;
  recordId?: ((record: R) => string | undefined) | undefined;
  author: Identity;
  markings: readonly MarkingDefinition[];
  /** Markings added to a batch when one of its objects references them (TLP, PAP). */
  knownMarkings: readonly MarkingDefinition[];
  validateObjects: boolean;
  /** How long a stopping or failing run waits for confirmations in flight. */
  graceMs: number;
  /** Deliveries handed to the sender and not yet confirmed, at most. */
  maxInFlightDeliveries: number;
  /** Objects per delivery, at most (a larger batch is delivered in parts, so memory stays bounded). */
  maxObjectsPerDelivery: number;
  workPingIntervalMs?: number | undefined;
  sourceRetry: SourceRetryOptions;
  random?: (() => number) | undefined;
  /** Removes secrets from the work's error message. */
  redact: (text: string) => string;
  /** Validation mode: deliveries go to the workbench (the work's closing message says so). */
  workbench: boolean;
}

/**
 * One run of an external import (spec §5.4): collect batches, map them, send them under a lazily opened work,
 * persist checkpoints once their batches are confirmed, close the work on every path. See
 * `ExternalImportConnector` for the behaviour; this class holds one run's moving parts.
 */
export class ImportRun<C, S extends z.ZodObject, R> {
  readonly #o: ImportRunOptions<C, S, R>;
  readonly #rc: RunContext;
  /** Aborted on the first failure, on a remote reset and on stop: collection ends. */
  readonly #stop = new AbortController();
  /** Aborted when the run gives up on the sends still in flight. */
  readonly #sendAbort = new AbortController();
  readonly #generation: number;
  readonly #queue: CheckpointQueue<ImportState<S>>;
  readonly #work: RunWork | undefined;
  readonly #progress: RunProgress;
  readonly #defaults: BatchDefaults;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #skipped: SkippedRecord[] = [];
  #state: ImportState<S> = {} as ImportState<S>;
  #isFirstRun = true;
  #batch = 0;
  /** Deliveries handed to the sender; checkpoints wait for the confirmation of every one before them. */
  #delivery = 0;
  #sendChain: Promise<unknown> = Promise.resolve();
  #mapper: MapContext<C> | undefined;
  #first: { error: unknown; interrupted: boolean } | undefined;

  constructor(options: ImportRunOptions<C, S, R>, run: RunContext) {
    this.#o = options;
    this.#rc = run;
    this.#generation = options.helper.stateGeneration;
    this.#queue = new CheckpointQueue((state) => this.#persist(state));
    this.#work =
      options.workApi === undefined
        ? undefined
        : new RunWork({
            ...options,
            api: options.workApi,
            name: workFriendlyName(options.connectorName, run.startedAt),
            ...(options.workPingIntervalMs === undefined ? {} : { pingIntervalMs: options.workPingIntervalMs }),
          });
    this.#progress = new RunProgress({ ...options, startedAt: run.startedAt });
    this.#defaults = new BatchDefaults(options.author, options.markings, options.knownMarkings);
  }

  /** Runs the import; resolves on success, rejects with the run's error (interruptions included). */
  async execute(): Promise<void> {
    const { helper, clock, stateSchema } = this.#o;
    const onInterrupt = () => {
      this.#first ??= { error: this.#rc.signal.reason, interrupted: true };
      this.#stop.abort(this.#rc.signal.reason);
    };
    if (this.#rc.signal.aborted) onInterrupt();
    else this.#rc.signal.addEventListener("abort", onInterrupt, { once: true });
    const unsubscribe = helper.onStateReset(({ generation }) =>
      this.#fail(new StateResetError({ expectedGeneration: this.#generation, currentGeneration: generation })),
    );
    try {
      const stored = helper.getState();
      this.#isFirstRun = stored === null;
      this.#state = readStoredState(stateSchema, stored);
      await this.#collectWithRetry();
      await this.#settle();
      // Stopped after the last batch was collected and confirmed: the import is complete.
      if (this.#first && (!this.#first.interrupted || this.#inFlight.size > 0)) throw this.#first.error;
      this.#checkpoint({ [LAST_RUN_KEY]: new Date(clock.now()).toISOString() } as Partial<ImportState<S>>);
      await this.#queue.flush();
      await this.#closeWork({ message: workSummaryMessage(this.#progress.figures, this.#o), inError: false });
      this.#progress.finish("succeeded", this.#work?.id);
    } catch (error) {
      throw await this.#abandon(error);
    } finally {
      unsubscribe();
      this.#rc.signal.removeEventListener("abort", onInterrupt);
    }
  }

  #fail(error: unknown): void {
    this.#first ??= { error, interrupted: false };
    this.#stop.abort(error);
  }

  async #persist(state: ImportState<S>): Promise<void> {
    try {
      await this.#o.helper.checkpoint(state, { generation: this.#generation });
    } catch (error) {
      this.#fail(error);
      throw error;
    }
  }

  #checkpoint(cursor: Partial<ImportState<S>>): void {
    this.#state = mergeCheckpoint(this.#o.stateSchema, this.#state, cursor);
    this.#queue.add(this.#delivery, this.#state);
  }

  /** Collects until the source is exhausted, resuming from the last checkpoint after retryable source errors. */
  async #collectWithRetry(): Promise<void> {
    const { sourceRetry, clock, logger } = this.#o;
    const maxAttempts = sourceRetry.maxAttempts ?? 5;
    let attempts: RetryAttempt[] = [];
    let batchAtLastFailure = -1;
    for (;;) {
      try {
        await this.#collect();
        return;
      } catch (error) {
        const source = this.#stop.signal.aborted ? undefined : retryableSourceError(error);
        if (source === undefined) throw error;
        if (this.#batch > batchAtLastFailure) attempts = [];
        batchAtLastFailure = this.#batch;
        const attempt = attempts.length + 1;
        if (attempt >= maxAttempts) {
          attempts.push({ attempt, message: source.message, delayMs: 0 });
          throw new RetryExhaustedError({ operation: "collect", reason: "attempts", attempts, cause: error });
        }
        // Resume from a state that reflects every batch sent so far.
        await this.#drainAll();
        if (this.#first) throw this.#first.error;
        await this.#queue.flush();
        const delayMs = sourceRetryDelayMs(attempt, source, sourceRetry, this.#o.random);
        attempts.push({ attempt, message: source.message, delayMs });
        logger.warn("Source failed, resuming collection from the last checkpoint", {
          attempt,
          max_attempts: maxAttempts,
          delay_ms: delayMs,
          error,
        });
        await clock.sleep(delayMs, this.#stop.signal);
      }
    }
  }

  async #collect(): Promise<void> {
    const iterator = this.#o.collect(this.#collectContext())[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const next = await raceAbort(iterator.next(), this.#stop.signal);
        if (next.done) {
          done = true;
          return;
        }
        await this.#handleBatch(next.value);
      }
    } finally {
      // Ends the generator (its `finally` blocks run) without waiting for a source call it may be stuck in.
      if (!done) Promise.resolve(iterator.return?.()).catch(() => {});
    }
  }

  #collectContext(): CollectContext<C, ImportState<S>> {
    const { config, clock, logger } = this.#o;
    const current = () => this.#state;
    return {
      config,
      get state() {
        return current();
      },
      isFirstRun: this.#isFirstRun,
      checkpoint: (cursor) => this.#checkpoint(cursor),
      relativeStart: (duration) => relativeStart(this.#rc.startedAt, duration),
      signal: this.#stop.signal,
      logger,
      clock,
      run: this.#rc.run,
      startedAt: this.#rc.startedAt,
    };
  }

  #mapContext(): MapContext<C> {
    const { config, author, markings, logger, clock } = this.#o;
    const stix = withDefaults({ createdBy: author, markings, now: () => clock.now() });
    return { config, stix, author, markings, logger, run: this.#rc.run, signal: this.#stop.signal };
  }

  async #handleBatch(records: readonly R[]): Promise<void> {
    if (!Array.isArray(records)) {
      throw new TypeError("collect() must yield arrays of records (one array per batch)");
    }
    const { toStix, maxObjectsPerDelivery } = this.#o;
    const batch = ++this.#batch;
    this.#progress.batchRead();
    this.#mapper ??= this.#mapContext();
    const context = this.#mapper;
    for (let start = 0; start < records.length; ) {
      const part = await mapBatch(records, batch, {
        toStix: (record) => toStix(record, context),
        recordId: this.#o.recordId,
        validate: this.#o.validateObjects,
        start,
        maxObjects: maxObjectsPerDelivery,
        logger: this.#o.logger,
      });
      const counts = { records: part.next - start, skipped: part.skipped.length + part.filtered };
      start = part.next;
      this.#progress.mapped(counts.records, counts.skipped);
      this.#noteSkipped(part.skipped, batch);
      if (part.objects.length > 0) await this.#deliver(batch, part.objects, counts);
    }
  }

  #noteSkipped(skipped: readonly SkippedRecord[], batch: number): void {
    for (const record of skipped) {
      this.#o.metrics.incErrors();
      this.#o.logger.warn("Record skipped: it cannot be mapped to STIX", {
        record_id: record.recordId,
        batch,
        reason: record.error.message,
      });
      if (this.#skipped.length < MAX_REPORTED_SKIPS) this.#skipped.push(record);
    }
  }

  /** Hands mapped objects to the sender (opening the work first), keeping at most N deliveries in flight. */
  async #deliver(batch: number, mapped: StixObject[], counts: { records: number; skipped: number }): Promise<void> {
    const max = this.#o.maxInFlightDeliveries;
    this.#stop.signal.throwIfAborted();
    // Checkpoint pings lagging behind confirmations hold the next delivery back.
    await raceAbort(this.#queue.waitForBacklog(max), this.#stop.signal);
    await this.#o.gate?.waitUntilBelow(this.#stop.signal);
    const objects = this.#defaults.apply(mapped);
    const workId = this.#work === undefined ? undefined : await this.#work.open();
    this.#dispatch(++this.#delivery, batch, objects, counts, workId);
    while (this.#inFlight.size >= max) await Promise.race(this.#inFlight);
    this.#stop.signal.throwIfAborted();
  }

  /** Sends behind the previous deliveries; the confirmation makes the checkpoints waiting for it eligible. */
  #dispatch(
    delivery: number,
    batch: number,
    objects: StixObject[],
    counts: { records: number; skipped: number },
    workId: string | undefined,
  ): void {
    const sending = this.#sendChain.then(() => {
      // After a failure, deliveries still queued are not sent; an interruption lets them go within the grace period.
      if (this.#first && !this.#first.interrupted) throw this.#first.error;
      return this.#o.sender.send(objects, { workId, signal: this.#sendAbort.signal });
    });
    this.#sendChain = sending.catch(() => {});
    const tracked: Promise<void> = sending
      .then(
        (result) => {
          this.#queue.confirm(delivery);
          this.#progress.delivered({ batch, delivery, ...counts, objects: objects.length, ...result });
        },
        (error: unknown) => this.#fail(error),
      )
      .finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  /** Waits for every send in flight; once the run is stopped, at most the grace period more. */
  async #settle(): Promise<void> {
    const signal = this.#stop.signal;
    const stopped = new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await Promise.race([this.#drainAll(), stopped.then(() => this.#drainWithin(this.#o.graceMs))]);
  }

  async #drainAll(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Waits for the sends in flight, at most the grace period. */
  async #drainWithin(graceMs: number): Promise<void> {
    if (this.#inFlight.size === 0) return;
    const timer = new AbortController();
    await Promise.race([this.#drainAll(), this.#o.clock.sleep(graceMs, timer.signal).catch(() => {})]);
    timer.abort();
  }

  /**
   * The failure path: stop collecting, wait for confirmations in flight (not after a remote reset: its
   * checkpoints would be refused anyway), persist what was confirmed, itemise skipped records and close the work
   * in error. Returns the error the run ends with.
   */
  async #abandon(error: unknown): Promise<unknown> {
    this.#first ??= { error, interrupted: false };
    const first = this.#first;
    this.#stop.abort(first.error);
    const reset = StateResetError.isInstance(first.error);
    if (!reset) await this.#drainWithin(this.#o.graceMs);
    const unconfirmed = this.#inFlight.size;
    this.#sendAbort.abort(first.error);
    if (!reset) {
      try {
        await this.#queue.flush();
      } catch (persistError) {
        if (persistError !== first.error) {
          this.#o.logger.error("Cannot persist the last confirmed checkpoint", { error: persistError });
        }
      }
    }
    const reported = first.interrupted
      ? new RunInterruptedError({ reason: describeReason(first.error), unconfirmedBatches: unconfirmed })
      : first.error;
    await this.#closeWork({ message: workErrorMessage(reported, this.#o.redact), inError: true });
    this.#progress.finish(first.interrupted ? "interrupted" : "failed", this.#work?.id);
    return reported;
  }

  /** Itemises skipped records on the work, then closes it; a failed close is counted as an error. */
  async #closeWork(closing: { message: string; inError: boolean }): Promise<void> {
    const work = this.#work;
    if (work === undefined) return;
    if (work.id !== undefined) {
      try {
        for (const skipped of this.#skipped) {
          if (!(await work.reportConnectorError(`Record ${skipped.recordId} skipped: ${skipped.error.message}`))) break;
        }
      } catch (error) {
        this.#o.logger.error("Cannot report skipped records on the work", { work_id: work.id, error });
      }
    }
    if (!(await work.close(closing))) this.#o.metrics.incErrors();
  }
}

function describeReason(reason: unknown): string {
  if (typeof reason === "string") return reason;
  if (reason instanceof Error) return reason.message;
  return "stopped";
}
