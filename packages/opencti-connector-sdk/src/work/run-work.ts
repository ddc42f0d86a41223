import type { OpenCtiApi } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import type { Logger } from "../logging/logger.js";

/** The work operations a run sends (spec §3.3, §5). */
export type WorkApi = Pick<
  OpenCtiApi,
  "workAdd" | "workToProcessed" | "addExpectations" | "reportExpectation" | "pingWork"
>;

/** Options of {@link RunWork}. */
export interface RunWorkOptions {
  api: WorkApi;
  connectorId: string;
  /** The friendly name, see `workFriendlyName`. */
  name: string;
  clock: Clock;
  logger: Logger;
  /** `pingWork` interval while the work is open (spec §5.4: MAY every 5 min). Default 300 000 ms; 0 disables. */
  pingIntervalMs?: number;
  /** Connector errors itemised on the work at most (the platform keeps 100 errors per work). Default 100. */
  maxItemisedErrors?: number;
}

/** How a work is closed: `toProcessed(message, inError)`. */
export interface WorkClosing {
  message: string;
  inError: boolean;
}

const DEFAULT_PING_INTERVAL_MS = 300_000;
const DEFAULT_MAX_ITEMISED_ERRORS = 100;

/**
 * The work of one external-import run (spec §5), opened lazily and always closed:
 *
 * - {@link RunWork.open} sends `workAdd` once, when the run has its first batch ready (a run that sends nothing
 *   leaves no empty work behind); concurrent callers share the call. While open, `pingWork` refreshes it every
 *   5 minutes.
 * - Expectations of deliveries are added by the sender with the work's id; {@link RunWork.reportConnectorError}
 *   itemises a connector-side error (a skipped record) as `addExpectations(1)` then `reportExpectation(error)`.
 * - {@link RunWork.close} sends `toProcessed` once: with the run summary on success, `<error class>: <message>`
 *   and `inError: true` on failure or interruption. It never throws: a failure is logged and reported as `false`,
 *   so closing in a `finally` never hides the run's own error. Nothing is sent when the work was never opened.
 */
export class RunWork {
  readonly #options: RunWorkOptions;
  readonly #pingAbort = new AbortController();
  #opening: Promise<string> | undefined;
  #id: string | undefined;
  #pingLoop: Promise<void> | undefined;
  #closing: Promise<boolean> | undefined;
  #itemised = 0;

  constructor(options: RunWorkOptions) {
    this.#options = options;
  }

  /** The work id once opened. */
  get id(): string | undefined {
    return this.#id;
  }

  /** The friendly name the work is (or will be) opened with. */
  get name(): string {
    return this.#options.name;
  }

  /** Opens the work (`workAdd`) on the first call and resolves with its id; later calls share it. */
  open(): Promise<string> {
    if (this.#closing) return Promise.reject(new Error(`Work "${this.#options.name}" is already closed`));
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open(): Promise<string> {
    const { api, connectorId, name, logger } = this.#options;
    const id = await api.workAdd(connectorId, name);
    this.#id = id;
    logger.info("Work opened", { work_id: id, name });
    const interval = this.#options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    if (interval > 0) this.#pingLoop = this.#ping(id, interval);
    return id;
  }

  async #ping(id: string, interval: number): Promise<void> {
    const { api, clock, logger } = this.#options;
    for (;;) {
      try {
        await clock.sleep(interval, this.#pingAbort.signal);
      } catch {
        return;
      }
      try {
        await api.pingWork(id);
      } catch (error) {
        logger.warn("Cannot ping the work", { work_id: id, error });
      }
    }
  }

  /**
   * Itemises a connector-side error on the open work: `addExpectations(1)` then `reportExpectation({ error,
   * source: "CONNECTOR" })` (spec §5.3 rule 6), so it counts as one processed item with an error. Resolves `false`
   * without any call once `maxItemisedErrors` were itemised (the rest are only counted by the caller). Rejects when
   * the work is not open.
   */
  async reportConnectorError(error: string): Promise<boolean> {
    const id = this.#id;
    if (id === undefined || this.#closing) throw new Error(`Work "${this.#options.name}" is not open`);
    if (this.#itemised >= (this.#options.maxItemisedErrors ?? DEFAULT_MAX_ITEMISED_ERRORS)) return false;
    this.#itemised += 1;
    await this.#options.api.addExpectations(id, 1);
    await this.#options.api.reportExpectation(id, { error, source: "CONNECTOR" });
    return true;
  }

  /**
   * Closes the work once (`toProcessed`), stopping its pings. Resolves `true` when closed (or never opened),
   * `false` when `toProcessed` failed (logged at ERROR). Later calls return the first call's promise.
   */
  close(closing: WorkClosing): Promise<boolean> {
    this.#closing ??= this.#close(closing);
    return this.#closing;
  }

  async #close(closing: WorkClosing): Promise<boolean> {
    const { api, logger } = this.#options;
    const opened = this.#opening === undefined ? undefined : await this.#opening.catch(() => undefined);
    this.#pingAbort.abort();
    await this.#pingLoop;
    if (opened === undefined) return true;
    try {
      await api.workToProcessed(opened, closing.message, closing.inError);
    } catch (error) {
      logger.error("Cannot close the work", { work_id: opened, in_error: closing.inError, error });
      return false;
    }
    logger.info(closing.inError ? "Work closed in error" : "Work closed", {
      work_id: opened,
      message: closing.message,
    });
    return true;
  }
}
