import type { Clock } from "../clock/clock.js";
import type { Logger } from "../logging/logger.js";
import type { ConnectorMetrics } from "../metrics/connector-metrics.js";
import type { RunFigures } from "../work/work-messages.js";

/** What one delivery (a batch, or a part of it over the object budget) carried. */
export interface BatchFigures {
  /** The source batch (1-based). */
  batch: number;
  /** The delivery (1-based). */
  delivery: number;
  records: number;
  objects: number;
  skipped: number;
  sent: number;
  expectations: number;
}

/**
 * Counts a run's progress, logs one INFO line per confirmed delivery (a batch, or its parts when it is larger than
 * the object budget) and the run summary (spec §8.1 style:
 * message plus attributes), and feeds the metrics: records and objects per run, run duration, skipped records
 * (bundles and records sent are counted by the sender as messages are confirmed). The scheduler logs the run's
 * outcome and error; this only logs figures.
 */
export class RunProgress {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #metrics: ConnectorMetrics;
  readonly #startedAt: number;
  readonly #figures: RunFigures = { batches: 0, records: 0, objects: 0, sent: 0, skipped: 0 };

  constructor(options: { clock: Clock; logger: Logger; metrics: ConnectorMetrics; startedAt: number }) {
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#startedAt = options.startedAt;
  }

  /** A copy of the figures so far. */
  get figures(): RunFigures {
    return { ...this.#figures };
  }

  /** A batch was read from the source. */
  batchRead(): void {
    this.#figures.batches += 1;
  }

  /** Records read and skipped (a mapping error or an empty mapping), counted as they are mapped. */
  mapped(records: number, skipped: number): void {
    this.#figures.records += records;
    this.#figures.skipped += skipped;
    if (skipped > 0) this.#metrics.incRecordsSkipped(skipped);
  }

  /** A delivery is confirmed. */
  delivered(batch: BatchFigures): void {
    this.#figures.objects += batch.objects;
    this.#figures.sent += batch.sent;
    this.#logger.info("Batch delivered", {
      batch: batch.batch,
      delivery: batch.delivery,
      records: batch.records,
      objects: batch.objects,
      skipped: batch.skipped,
      sent: batch.sent,
      expectations: batch.expectations,
      run_records: this.#figures.records,
      records_per_second: this.#rate(),
    });
  }

  /** Logs the run summary and records the run's figures (`observeRun`). */
  finish(status: "succeeded" | "failed" | "interrupted", workId: string | undefined): void {
    const durationMs = this.#clock.now() - this.#startedAt;
    this.#metrics.observeRun({ durationMs, objects: this.#figures.objects, records: this.#figures.records });
    this.#logger.info("Import run summary", {
      status,
      ...this.#figures,
      duration_ms: durationMs,
      records_per_second: this.#rate(),
      work_id: workId ?? null,
    });
  }

  /** Records per second since the run started; `null` before any time has passed. */
  #rate(): number | null {
    const elapsed = this.#clock.now() - this.#startedAt;
    return elapsed > 0 ? Math.round((this.#figures.records * 1000) / elapsed) : null;
  }
}
