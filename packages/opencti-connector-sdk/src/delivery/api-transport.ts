import type { OpenCtiApi } from "../api/types.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { type ApiChunk, chunkForApi, DEFAULT_API_CHUNK_BYTES } from "./api-chunker.js";
import type { BundleTransport, DeliveryBatch, DeliveryOptions, PreparedDelivery } from "./bundle-transport.js";

/** Options of {@link ApiTransport}. */
export interface ApiTransportOptions {
  /** The platform client; its retry policy (transport errors, 429, 5xx) applies to every push. */
  readonly api: Pick<OpenCtiApi, "stixBundlePush">;
  /** The connector's id (`connectorId` of `stixBundlePush`). */
  readonly connectorId: string;
  /** Largest encoded bundle per push (default 40 MiB, under the platform's 50 MB body limit). */
  readonly maxChunkBytes?: number | undefined;
}

/**
 * Delivers through the platform's `stixBundlePush` (spec §6.4): no broker needed. The platform publishes each
 * bundle unsplit and its worker splits it and counts the expectations itself; only a one-object bundle pushed with
 * a work gets none from anyone, so that one is announced by the sender (spec §5.3 rule 3). Bundles over the byte
 * limit are cut into chunks in dependency order, each carrying the author and markings it references, all under
 * the same work.
 */
export class ApiTransport implements BundleTransport {
  readonly kind = "api" as const;
  readonly reachesPlatform = true;
  readonly #options: ApiTransportOptions;

  constructor(options: ApiTransportOptions) {
    this.#options = options;
  }

  /** Nothing to open: the GraphQL client connects per request. */
  async start(): Promise<void> {}

  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery {
    const { split } = batch;
    const objects = split.bundles.map((bundle) => bundle.objects[0]);
    const chunks = chunkForApi(split.bundleId, objects, this.#options.maxChunkBytes ?? DEFAULT_API_CHUNK_BYTES);
    const workId = options.workId;
    const announced = (chunk: ApiChunk) =>
      workId !== undefined && chunk.own.length + chunk.carried.length === 1 ? 1 : 0;
    return {
      messages: chunks.length,
      objects: objects.length,
      expectations: chunks.reduce((sum, chunk) => sum + announced(chunk), 0),
      deliver: async (onProgress) => {
        for (const [index, chunk] of chunks.entries()) {
          options.signal?.throwIfAborted();
          const bundle = JSON.stringify({
            type: "bundle",
            id: split.bundleId,
            objects: [...chunk.carried, ...chunk.own],
          });
          let accepted: boolean;
          try {
            accepted = await this.#options.api.stixBundlePush(this.#options.connectorId, bundle, workId ?? null);
          } catch (error) {
            throw new DeliveryError({
              transport: "api",
              phase: "publish",
              message: `stixBundlePush of chunk ${index + 1} of ${chunks.length} failed: ${error instanceof Error ? error.message : String(error)}`,
              isRetryable: (error as { isRetryable?: unknown } | null)?.isRetryable === true,
              delivered: index,
              total: chunks.length,
              cause: error,
            });
          }
          if (!accepted) {
            throw new DeliveryError({
              transport: "api",
              phase: "publish",
              message: `the platform refused chunk ${index + 1} of ${chunks.length} (stixBundlePush returned false)`,
              isRetryable: false,
              delivered: index,
              total: chunks.length,
            });
          }
          onProgress({ messages: 1, objects: chunk.own.length, expectations: announced(chunk) });
        }
      },
    };
  }

  async close(): Promise<void> {}
}
