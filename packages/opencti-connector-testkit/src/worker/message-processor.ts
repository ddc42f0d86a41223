import type { Logger } from "@org/opencti-connector-sdk";
import type { Disposition } from "../broker/broker.js";
import type { IngestedObject, IngestStore } from "../store/ingest-store.js";
import type { WorkStore } from "../store/work-store.js";
import { isInEntityScope } from "./entity-scope.js";
import { encodeContent, type WorkerEnvelope, workerEnvelopeSchema } from "./envelope.js";

/** What the worker's splitter gives back for a bundle (pycti's `split_bundle_with_expectations`, no clean-up). */
export interface SplitOutcome {
  /** Number of one-object bundles. */
  expectations: number;
  /** One bundle per compatible object, in dependency order. */
  bundles: readonly Record<string, unknown>[];
  /** Objects the splitter cannot send (e.g. a relationship without an end). */
  incompatible: readonly { id: string }[];
}

/** Splits a bundle the way the platform's worker does. */
export type SplitBundle = (bundle: Record<string, unknown>) => SplitOutcome;

/** Validates one STIX object; throws an `Error` whose message is reported on the work when it is invalid. */
export type ValidateObject = (value: unknown) => IngestedObject;

/** How references to objects that exist nowhere are treated on import. */
export type ReferenceMode = "report" | "reject";

/** Counters of what the worker did, for tests and the page. */
export interface WorkerStats {
  /** Messages taken from a queue. */
  messages: number;
  /** Objects stored. */
  imported: number;
  /** Items reported with an error. */
  failed: number;
  /** Multi-object messages split and republished. */
  split: number;
  /** Messages of deleted works, acknowledged and dropped. */
  dropped: number;
  /** Messages rejected without requeue (unreadable). */
  rejected: number;
}

/** Collaborators of {@link MessageProcessor}. */
export interface MessageProcessorOptions {
  works: WorkStore;
  ingest: IngestStore;
  split: SplitBundle;
  validate: ValidateObject;
  references: ReferenceMode;
  logger: Logger;
  /** Called after each message with the updated counters. */
  onProcessed?: (stats: WorkerStats) => void;
}

/** Above this length the worker reports `Bundle too large` instead of the item's JSON. */
const MAX_SOURCE_LENGTH = 50_000;

/**
 * The platform worker's handling of one push-queue message (spec §6.2): a one-object (or `no_split`) message is
 * imported and each item reported on its work; a larger one is split, its pieces announced with
 * `addExpectations` and republished through `republish`; messages of deleted works are dropped; unreadable
 * messages are rejected without requeue.
 */
export class MessageProcessor {
  readonly #options: MessageProcessorOptions;
  readonly #stats: WorkerStats = { messages: 0, imported: 0, failed: 0, split: 0, dropped: 0, rejected: 0 };

  constructor(options: MessageProcessorOptions) {
    this.#options = options;
  }

  /** A copy of the counters. */
  get stats(): WorkerStats {
    return { ...this.#stats };
  }

  /** Handles one message body of `connectorId`'s push queue. */
  async process(
    connectorId: string,
    body: string,
    republish: (envelope: WorkerEnvelope) => Promise<void>,
  ): Promise<Disposition> {
    try {
      return await this.#process(connectorId, body, republish);
    } finally {
      this.#options.onProcessed?.(this.stats);
    }
  }

  async #process(
    connectorId: string,
    body: string,
    republish: (envelope: WorkerEnvelope) => Promise<void>,
  ): Promise<Disposition> {
    this.#stats.messages += 1;
    const { logger, works } = this.#options;
    const decoded = decode(body);
    if (typeof decoded === "string") {
      this.#stats.rejected += 1;
      logger.error("Could not process message", { connectorId, reason: decoded });
      return "nack";
    }
    const { envelope, bundle } = decoded;
    const workId = envelope.work_id ?? null;
    if (workId !== null && !works.isAlive(workId)) {
      this.#stats.dropped += 1;
      logger.info("Message of a deleted work dropped", { connectorId, workId });
      return "ack";
    }
    try {
      if (envelope.no_split === true || bundle.objects.length === 1) {
        this.#importBundle(connectorId, envelope, bundle);
        return "ack";
      }
      const outcome = this.#options.split(bundle);
      if (workId !== null) works.addExpectations(workId, outcome.expectations);
      this.#stats.split += 1;
      for (const piece of outcome.bundles) await republish({ ...envelope, content: encodeContent(piece) });
      return "ack";
    } catch (error) {
      // The platform's worker rejects the message without requeue: it is lost and its items never reported.
      this.#stats.rejected += 1;
      logger.error("Error executing data handling", { connectorId, workId, reason: (error as Error).message });
      return "nack";
    }
  }

  #importBundle(connectorId: string, envelope: WorkerEnvelope, bundle: DecodedBundle): void {
    const workId = envelope.work_id ?? null;
    const outcome = this.#options.split(bundle);
    for (const element of outcome.incompatible) {
      this.#report(workId, {
        error: "Incompatible element in bundle",
        source: `Element ${element.id} is incompatible and couldn't be processed`,
      });
    }
    for (const piece of outcome.bundles) {
      for (const item of piece.objects as unknown[]) this.#importItem(connectorId, envelope, withoutSplitterKeys(item));
    }
  }

  #importItem(connectorId: string, envelope: WorkerEnvelope, item: unknown): void {
    const workId = envelope.work_id ?? null;
    try {
      const object = this.#options.validate(item);
      if (this.#options.references === "reject") {
        const missing = this.#options.ingest.missingReferences(object);
        if (missing.length > 0) {
          throw new Error(`Element(s) not found: ${missing.map((m) => `${m.path} ${m.ref}`).join(", ")}`);
        }
      }
      if (isInEntityScope(object, envelope.entities_types)) {
        this.#options.ingest.upsert(object, { connectorId, workId });
        this.#stats.imported += 1;
      }
      this.#report(workId, null);
    } catch (error) {
      this.#stats.failed += 1;
      const source = JSON.stringify(item) ?? "";
      const message = error instanceof Error ? error.message : String(error);
      this.#options.logger.warn("Error executing import", { connectorId, workId, reason: message });
      this.#report(workId, { error: message, source: source.length < MAX_SOURCE_LENGTH ? source : "Bundle too large" });
    }
  }

  #report(workId: string | null, error: { error: string; source: string } | null): void {
    if (workId !== null) this.#options.works.reportExpectation(workId, error);
  }
}

/** The splitter's `nb_deps` is a wire detail the platform does not store. */
function withoutSplitterKeys(item: unknown): unknown {
  if (typeof item !== "object" || item === null || !("nb_deps" in item)) return item;
  const { nb_deps: _ignored, ...rest } = item as Record<string, unknown>;
  return rest;
}

interface DecodedBundle extends Record<string, unknown> {
  objects: unknown[];
}

function decode(body: string): { envelope: WorkerEnvelope; bundle: DecodedBundle } | string {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return `message is not JSON (${(error as Error).message})`;
  }
  const envelope = workerEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return `message is not a worker envelope (${envelope.error.issues[0]?.message ?? "invalid"})`;
  if ((envelope.data.type ?? "bundle") !== "bundle") return `unsupported event type ${envelope.data.type}`;
  let bundle: unknown;
  try {
    bundle = JSON.parse(Buffer.from(envelope.data.content, "base64").toString("utf8"));
  } catch {
    return "content is not base64 of a JSON document";
  }
  if (typeof bundle !== "object" || bundle === null || !Array.isArray((bundle as DecodedBundle).objects)) {
    return "JSON data type is not a STIX2 bundle";
  }
  if ((bundle as DecodedBundle).objects.length === 0) return "JSON data type is not a STIX2 bundle";
  return { envelope: envelope.data, bundle: bundle as DecodedBundle };
}
