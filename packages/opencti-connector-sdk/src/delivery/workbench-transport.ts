import type { OpenCtiApi } from "../api/types.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import type { BundleTransport, DeliveryBatch, DeliveryOptions, PreparedDelivery } from "./bundle-transport.js";
import { workbenchFileName } from "./workbench-file-name.js";

/** Options of {@link WorkbenchTransport}. */
export interface WorkbenchTransportOptions {
  /** The platform client (`UploadPending`, 3 attempts on transport errors, 429 and 5xx). */
  readonly api: Pick<OpenCtiApi, "uploadPending">;
  readonly logger?: Logger | undefined;
}

/**
 * Validation mode (`CONNECTOR_VALIDATE_BEFORE_IMPORT`, spec §6.4 `workbench`): each delivery's bundle, unsplit, is
 * uploaded as a JSON file to the platform's workbench with `UploadPending` (GraphQL multipart,
 * `application/json`), where an analyst validates it before anything is imported. Nothing goes to the queue, so
 * no expectation is announced and the work completes on `toProcessed`, as with pycti. File names follow
 * {@link workbenchFileName}; deliveries of one work are numbered in the order they are sent.
 */
export class WorkbenchTransport implements BundleTransport {
  readonly kind = "workbench" as const;
  /** Nothing reaches the worker: uploads are not counted as sent bundles or records. */
  readonly reachesPlatform = false;
  readonly #options: WorkbenchTransportOptions;
  readonly #logger: Logger;
  #workId: string | undefined;
  #deliveries = 0;

  constructor(options: WorkbenchTransportOptions) {
    this.#options = options;
    this.#logger = options.logger ?? noopLogger;
  }

  /** Nothing to open: the GraphQL client connects per request. */
  async start(): Promise<void> {}

  /** One file per delivery, no expectations; the file name is taken when the upload starts. */
  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery {
    const objects = batch.bundle.objects.length;
    return {
      messages: 1,
      objects,
      expectations: 0,
      deliver: async (onProgress) => {
        options.signal?.throwIfAborted();
        const name = this.#nextName(options.workId, batch.bundle.id);
        try {
          await this.#options.api.uploadPending({
            name,
            content: JSON.stringify(batch.bundle),
            mimeType: "application/json",
          });
        } catch (error) {
          throw new DeliveryError({
            transport: "workbench",
            phase: "publish",
            message: `UploadPending of ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
            isRetryable: (error as { isRetryable?: unknown } | null)?.isRetryable === true,
            delivered: 0,
            total: 1,
            cause: error,
          });
        }
        this.#logger.info("Bundle uploaded to the workbench for validation", {
          file: name,
          objects,
          work_id: options.workId ?? null,
        });
        onProgress({ messages: 1, objects, expectations: 0 });
      },
    };
  }

  async close(): Promise<void> {}

  #nextName(workId: string | undefined, bundleId: string): string {
    if (workId !== this.#workId) {
      this.#workId = workId;
      this.#deliveries = 0;
    }
    this.#deliveries += 1;
    return workbenchFileName(workId, bundleId, this.#deliveries);
  }
}
