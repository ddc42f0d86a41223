import { open, readdir, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import type { BundleTransport, DeliveryBatch, DeliveryOptions, PreparedDelivery } from "./bundle-transport.js";
import { directoryFileName } from "./directory-file-name.js";

const DAY_MS = 86_400_000;

/** The connector as described in a directory bundle's envelope. */
export interface DirectoryConnectorInfo {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** `CONNECTOR_SCOPE` as given (pycti writes the raw comma-separated string); a list is joined with `,`. */
  readonly scope: string | readonly string[];
  readonly auto: boolean;
  readonly validateBeforeImport: boolean;
}

/** Options of {@link DirectoryTransport}. */
export interface DirectoryTransportOptions {
  /** `CONNECTOR_SEND_TO_DIRECTORY_PATH`. */
  readonly path: string;
  /** `CONNECTOR_SEND_TO_DIRECTORY_RETENTION` in days: `*.json` files older than this are deleted; 0 keeps all. */
  readonly retentionDays: number;
  readonly connector: DirectoryConnectorInfo;
  /** Registration's `connector_user_id`. */
  readonly applicantId: string | null;
  readonly clock?: Clock | undefined;
  readonly logger?: Logger | undefined;
}

/**
 * Writes each batch, unsplit, to a file (spec §6.5): the envelope `{"bundle_type":"DIRECTORY_BUNDLE",
 * "applicant_id","connector":{…},"entities_types","bundle","update"}` goes to `<file>.json.tmp`, is flushed to
 * disk, then renamed to `<file>.json`, so readers never see a partial file. Before each write, `*.json` files whose
 * modification time is older than the retention are deleted.
 */
export class DirectoryTransport implements BundleTransport {
  readonly kind = "directory" as const;
  readonly reachesPlatform = false;
  readonly #options: DirectoryTransportOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  #lastStamp = 0;

  constructor(options: DirectoryTransportOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
  }

  /** Checks that the directory exists. */
  async start(): Promise<void> {
    await this.#fail(async () => {
      if (!(await stat(this.#options.path)).isDirectory()) throw new Error("not a directory");
    });
  }

  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery {
    return {
      messages: 1,
      objects: batch.bundle.objects.length,
      expectations: 0,
      deliver: async (onProgress) => {
        await this.#fail(async () => {
          await this.#purge();
          await this.#write(batch, options);
        });
        onProgress({ messages: 1, objects: batch.bundle.objects.length, expectations: 0 });
      },
    };
  }

  async close(): Promise<void> {}

  async #purge(): Promise<void> {
    const days = this.#options.retentionDays;
    if (days <= 0) return;
    const oldest = this.#clock.now() - days * DAY_MS;
    for (const name of await readdir(this.#options.path)) {
      if (!name.endsWith(".json")) continue;
      const file = join(this.#options.path, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < oldest) {
        await unlink(file).catch(() => undefined);
        this.#logger.debug("Deleted an expired bundle file", { file });
      }
    }
  }

  async #write(batch: DeliveryBatch, options: DeliveryOptions): Promise<void> {
    const { connector } = this.#options;
    // Names carry the time in ms: keep them unique when two batches are written within the same millisecond.
    const stamp = Math.max(this.#clock.now(), this.#lastStamp + 1);
    this.#lastStamp = stamp;
    const file = join(this.#options.path, directoryFileName(connector.name, stamp));
    const envelope = {
      bundle_type: "DIRECTORY_BUNDLE",
      applicant_id: this.#options.applicantId,
      connector: {
        id: connector.id,
        name: connector.name,
        type: connector.type,
        scope: typeof connector.scope === "string" ? connector.scope : connector.scope.join(","),
        auto: connector.auto,
        validate_before_import: connector.validateBeforeImport,
      },
      entities_types: options.entitiesTypes ?? null,
      bundle: batch.bundle,
      update: options.update ?? false,
    };
    const temporary = `${file}.tmp`;
    try {
      const handle = await open(temporary, "w");
      try {
        await handle.writeFile(JSON.stringify(envelope), "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    this.#logger.info("Bundle written to the directory", { file, objects: batch.bundle.objects.length });
  }

  async #fail(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw new DeliveryError({
        transport: "directory",
        phase: "publish",
        message: `cannot write to ${this.#options.path}: ${error instanceof Error ? error.message : String(error)}`,
        isRetryable: false,
        delivered: 0,
        total: 1,
        cause: error,
      });
    }
  }
}
