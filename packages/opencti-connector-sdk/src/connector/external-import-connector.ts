import { parseStixObject, SEEDED_MARKINGS, type StixObject, StixValidationError } from "@org/stix2-types";
import type { z } from "zod";
import type { ConnectorConfigDefinition, ConnectorConfigOf } from "../config/define-connector-config.js";
import { MappingError } from "../errors/mapping-error.js";
import type { ConnectorState } from "../helper/connector-state.js";
import { createHttpClient } from "../http/http-client.js";
import type { HttpClient, HttpClientOptions } from "../http/http-client-types.js";
import type { Logger } from "../logging/logger.js";
import { BufferingGate } from "../scheduler/buffering-gate.js";
import { exitCodeFor, type SchedulerResult } from "../scheduler/run-outcome.js";
import { Scheduler } from "../scheduler/scheduler.js";
import type { StixOutput } from "./batch-mapper.js";
import type { ExternalImportConnectorOptions, ExternalImportDefinition } from "./connector-options.js";
import { ConnectorRuntime } from "./connector-runtime.js";
import { createDefaultSender } from "./default-sender.js";
import type { CollectContext, MapContext } from "./import-context.js";
import { ImportRun } from "./import-run.js";
import {
  assertAcceptsEmptyState,
  type ImportState,
  type ImportStateSchema,
  importStateSchema,
  LAST_RUN_KEY,
} from "./import-state.js";

/** What {@link ExternalImportConnector.run} resolves with. */
export interface ConnectorRunResult {
  /** 1 only when a run-and-terminate run failed (spec §7); 0 after a success, a skip or a stop. */
  exitCode: 0 | 1;
  /** The schedule's result; `undefined` when the connector was stopped during start-up. */
  result: SchedulerResult | undefined;
}

function lastRunEnd(state: ConnectorState | null): number | undefined {
  const value = state?.[LAST_RUN_KEY];
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The base class of an external-import connector: the author supplies the configuration, the author identity,
 * the markings, `collect()` (batches of source records) and `toStix()` (one record to STIX objects); the SDK does
 * the rest, correct by construction:
 *
 * - **Start-up** (spec §4.1): configuration loaded and checked (every problem at once, `ConfigError`), logger in
 *   pycti's JSON shape with every secret redacted, metrics server when `CONNECTOR_EXPOSE_METRICS`, health and
 *   version check, registration, ping every 40 s, sender from the configuration (AMQP with `MQ_*` overrides, API or
 *   directory). The constructor does no I/O.
 * - **Schedule** (spec §7): first run at start unless the last successful run (`last_run`) is less than one period
 *   old; the next one period after the previous ends; run-and-terminate; the queue threshold check before every run
 *   and between batches.
 * - **Run** (spec §5.4): the work is opened when the first non-empty batch is ready (`<name> run @ <time>`, no empty
 *   works); each batch is built with the bound author and markings (`context.stix`), validated, preceded by the
 *   author and markings, and handed to the sender, which adds its expectations before publishing; the next batch is
 *   mapped while one is delivered. The work is closed with `toProcessed` and a summary on success, in error with
 *   `<error class>: <message>` on failure or interruption, on every path. `CONNECTOR_SEND_TO_QUEUE=false` sends no
 *   work call.
 * - **State** (spec §4.4): `context.checkpoint(cursor)` after a batch is persisted (state + immediate ping) only
 *   once every batch yielded before it is confirmed delivered; success adds `last_run`. A failed run keeps the last
 *   confirmed checkpoint and the next run resumes there; a remote reset stops the run (its work in error) and no
 *   checkpoint derived from the old state is ever persisted.
 * - **Errors**: a retryable `SourceError` (the SDK's HTTP client throws `SourceHttpError`) resumes collection from
 *   the last checkpoint after a backoff, up to 5 attempts in a row; a `MappingError` from `toStix()` skips its
 *   record (counted, logged with its id, itemised on the work); anything else fails the run: logged once by the
 *   scheduler as JSON with its stack, work in error, state not advanced, the schedule goes on.
 * - **Shutdown** (spec §4.6): `stop()` (SIGTERM/SIGINT through `runConnector`) stops collecting, waits up to the
 *   grace period (30 s) for confirmations in flight, persists what was confirmed, closes the work in error
 *   (`RunInterruptedError`), pings a last time, closes the broker connection; `run()` then resolves with exit code 0.
 * - **Progress**: one INFO line per delivered batch (records, objects, sent, rate) and a run summary; metrics of
 *   spec §8.2 plus records/objects per run, run duration and skipped records; `/healthz` from ping health.
 *
 * @example
 * ```ts
 * import { defaultBuilders, TLP_GREEN } from "@org/stix2-types";
 * import { z } from "zod";
 * import {
 *   type CollectContext,
 *   type ConnectorConfigOf,
 *   defineConnectorConfig,
 *   ExternalImportConnector,
 *   type ExternalImportConnectorOptions,
 *   type ImportState,
 *   isoDuration,
 *   type MapContext,
 *   MappingError,
 *   paginateCursor,
 *   runConnector,
 *   secret,
 * } from "@org/opencti-connector-sdk";
 *
 * export const acmeConfig = defineConnectorConfig({
 *   namespace: "acme",
 *   schema: z.object({
 *     api_base_url: z.url().default("https://api.acme.example"),
 *     api_key: secret(z.string().min(1)),
 *     import_start_date: isoDuration().prefault("P30D"),
 *   }),
 *   connector: { type: "EXTERNAL_IMPORT", name: "Acme Feed", scope: ["indicator"], durationPeriod: "PT1H" },
 * });
 * const acmeState = z.object({ since: z.iso.datetime().optional() });
 * const acmePage = z.object({
 *   items: z.array(z.object({ id: z.string(), ip: z.string(), seen: z.iso.datetime() })),
 *   next: z.string().nullable(),
 * });
 * type Config = ConnectorConfigOf<typeof acmeConfig>;
 * type Item = z.output<typeof acmePage>["items"][number];
 *
 * export class AcmeConnector extends ExternalImportConnector<typeof acmeConfig, typeof acmeState, Item> {
 *   constructor(options?: ExternalImportConnectorOptions) {
 *     super(
 *       {
 *         config: acmeConfig,
 *         state: acmeState,
 *         author: defaultBuilders.identity({ name: "Acme", identity_class: "organization" }),
 *         markings: [TLP_GREEN],
 *       },
 *       options,
 *     );
 *   }
 *
 *   async *collect(context: CollectContext<Config, ImportState<typeof acmeState>>) {
 *     const source = this.createHttpClient({
 *       baseUrl: context.config.acme.api_base_url,
 *       auth: { type: "header", name: "X-Api-Key", value: context.config.acme.api_key },
 *     });
 *     const since = context.state.since ?? context.relativeStart(context.config.acme.import_start_date);
 *     const pages = paginateCursor(source, "/v1/indicators", {
 *       schema: acmePage,
 *       items: (page) => page.items,
 *       nextCursor: (page) => page.next,
 *       query: { since },
 *       signal: context.signal,
 *     });
 *     for await (const { items } of pages) {
 *       yield items;
 *       const last = items.at(-1);
 *       if (last) context.checkpoint({ since: last.seen });
 *     }
 *   }
 *
 *   override toStix(item: Item, context: MapContext<Config>) {
 *     if (item.ip === "") throw new MappingError("no ip", { recordId: item.id });
 *     const ip = context.stix.ipv4Address({ value: item.ip });
 *     return [ip, context.stix.indicatorFor(ip, { valid_from: item.seen })];
 *   }
 *
 *   override recordId(item: Item) {
 *     return item.id;
 *   }
 * }
 *
 * // The connector's entry point when run as a program (`node acme-connector.js`), not when imported.
 * if (import.meta.url === `file://${process.argv[1]}`) await runConnector(AcmeConnector);
 * ```
 */
export abstract class ExternalImportConnector<
  D extends ConnectorConfigDefinition,
  S extends z.ZodObject,
  R = StixObject,
> {
  readonly #definition: ExternalImportDefinition<D, S>;
  readonly #options: ExternalImportConnectorOptions;
  readonly #runtime: ConnectorRuntime<D>;
  readonly #stateSchema: ImportStateSchema<S>;
  #scheduler: Scheduler | undefined;
  #starting: Promise<void> | undefined;
  #running: Promise<ConnectorRunResult> | undefined;
  #stopReason: string | undefined;

  /**
   * Stores the definition and the options; does no I/O.
   *
   * @throws TypeError when the configuration is not of an `EXTERNAL_IMPORT` connector or the state schema rejects
   * the empty state of a first run.
   */
  constructor(definition: ExternalImportDefinition<D, S>, options: ExternalImportConnectorOptions = {}) {
    if (definition.config.connector.type !== "EXTERNAL_IMPORT") {
      throw new TypeError(
        `ExternalImportConnector needs a configuration of type EXTERNAL_IMPORT, got ${definition.config.connector.type}`,
      );
    }
    assertAcceptsEmptyState(definition.state);
    this.#definition = definition;
    this.#options = options;
    this.#stateSchema = importStateSchema(definition.state);
    this.#runtime = new ConnectorRuntime(definition, options, options.createSender ?? createDefaultSender);
  }

  /**
   * Yields the source's records in batches (arrays); call `context.checkpoint(cursor)` after each `yield` to
   * record how far the import got. Pass `context.signal` to source requests so a stop interrupts them.
   */
  abstract collect(context: CollectContext<ConnectorConfigOf<D>, ImportState<S>>): AsyncIterable<readonly R[]>;

  /**
   * Maps one record to STIX objects, built with `context.stix` (author, markings and deterministic ids bound);
   * `null`, `undefined` or `[]` filter the record out. Throw a `MappingError` to skip a record that cannot be
   * mapped. The default treats each record as a STIX object (for feeds that already speak STIX) and skips those
   * that are not valid.
   */
  toStix(record: R, _context: MapContext<ConnectorConfigOf<D>>): StixOutput | Promise<StixOutput> {
    try {
      return parseStixObject(record);
    } catch (error) {
      if (StixValidationError.isInstance(error)) throw new MappingError(error.message, { cause: error });
      throw error;
    }
  }

  /** The source's identifier of a record, for the logs and the work of skipped records. Default none. */
  recordId(_record: R): string | undefined {
    return undefined;
  }

  /** The loaded configuration; throws before `start()`. */
  get config(): ConnectorConfigOf<D> {
    return this.#runtime.started.config;
  }

  /** The connector's logger, once the configuration is loaded. */
  get logger(): Logger | undefined {
    return this.#runtime.logger;
  }

  /** Replaces every known secret (token, passwords, `secret()` settings, source credentials) with `[REDACTED]`. */
  redact(text: string): string {
    return this.#runtime.redactor.redact(text);
  }

  /** Resolves once every line logged so far is written (before exiting). */
  flushLogs(): Promise<void> {
    return this.#runtime.flush();
  }

  /**
   * A source HTTP client (`createHttpClient`) on the connector's clock, logger and `fetch`, counting failed
   * requests in `client_errors_total`; its credential is redacted from every log line. Call it once started (in
   * `collect()`).
   */
  protected createHttpClient(options: HttpClientOptions): HttpClient {
    const { logger, metrics } = this.#runtime.started;
    this.#runtime.redactor.add(options.auth?.value);
    const { fetch, random } = this.#options;
    return createHttpClient({
      clock: this.#runtime.clock,
      logger,
      ...(fetch ? { fetch } : {}),
      ...(random ? { random } : {}),
      ...options,
      onClientError: (error) => {
        metrics.incClientErrors();
        options.onClientError?.(error);
      },
    });
  }

  /** Starts everything (see the class description) and the schedule; idempotent. */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    const started = await this.#runtime.start();
    if (this.#stopReason !== undefined) throw new Error("The connector was stopped during start-up");
    const { config, helper, api, logger, metrics, sender } = started;
    const { connector } = config;
    const clock = this.#runtime.clock;
    const author =
      typeof this.#definition.author === "function" ? this.#definition.author(config) : this.#definition.author;
    if (author?.type !== "identity") throw new TypeError("The connector's author must be an identity object");
    const markings =
      typeof this.#definition.markings === "function"
        ? this.#definition.markings(config)
        : (this.#definition.markings ?? []);
    const onInfo = (info: Parameters<typeof helper.updateConnectorInfo>[0]) => helper.updateConnectorInfo(info);
    const queue =
      connector.sendToQueue && connector.queueThreshold > 0
        ? { api, connectorId: connector.id, thresholdMb: connector.queueThreshold }
        : undefined;
    const gate = queue ? new BufferingGate({ ...queue, logger, clock, onInfo }) : undefined;
    const options = this.#options;
    this.#scheduler = new Scheduler({
      run: (context) =>
        new ImportRun(
          {
            connectorId: connector.id,
            connectorName: connector.name,
            config,
            stateSchema: this.#stateSchema,
            helper,
            workApi: connector.sendToQueue ? api : undefined,
            sender,
            gate,
            clock,
            logger,
            metrics,
            collect: (collectContext) => this.collect(collectContext),
            toStix: (record, mapContext) => this.toStix(record, mapContext),
            recordId: (record) => this.recordId(record),
            author,
            markings,
            knownMarkings: SEEDED_MARKINGS,
            validateObjects: this.#definition.validateObjects ?? true,
            graceMs: options.shutdownGracePeriodMs ?? 30_000,
            maxInFlightDeliveries: options.maxInFlightDeliveries ?? 2,
            maxObjectsPerDelivery: options.maxObjectsPerDelivery ?? 1_000,
            workPingIntervalMs: options.workPingIntervalMs,
            sourceRetry: options.sourceRetry ?? {},
            random: options.random,
            redact: (text) => this.redact(text),
            workbench: connector.sendToQueue && connector.validateBeforeImport,
          },
          context,
        ).execute(),
      clock,
      logger,
      periodMs: connector.runAndTerminate ? 0 : (connector.durationPeriodMs ?? 0),
      runAndTerminate: connector.runAndTerminate,
      lastRunEnd: lastRunEnd(helper.getState()),
      ...(options.startJitterMs === undefined ? {} : { jitterMs: options.startJitterMs }),
      ...(options.random ? { random: options.random } : {}),
      ...(queue ? { queue } : {}),
      ...(options.failureBackoff ? { failureBackoff: options.failureBackoff } : {}),
      onInfo,
      metrics,
    });
  }

  /**
   * Starts, runs the schedule until it ends (run-and-terminate) or `stop()` is called, then shuts down. Resolves
   * with the exit code; rejects with start-up errors (`ConfigError`, `OpenCTIAuthError`, ...), after cleaning up.
   */
  run(): Promise<ConnectorRunResult> {
    this.#running ??= (async () => {
      try {
        await this.start();
      } catch (error) {
        await this.#runtime.close();
        if (this.#stopReason !== undefined) return { exitCode: 0, result: undefined };
        throw error;
      }
      const result = await (this.#scheduler as Scheduler).start();
      await this.#runtime.close();
      return { exitCode: exitCodeFor(result), result };
    })();
    return this.#running;
  }

  /**
   * Stops gracefully (spec §4.6): no new run, the current one stops collecting, waits up to the grace period for
   * confirmations, keeps the confirmed checkpoint and closes its work in error; then a final ping and every
   * connection closed. `reason` (e.g. `SIGTERM`) is in the work's message. Idempotent.
   */
  async stop(reason = "stop requested"): Promise<void> {
    this.#stopReason ??= reason;
    await this.#scheduler?.stop(this.#stopReason);
    await this.#runtime.close();
  }
}
