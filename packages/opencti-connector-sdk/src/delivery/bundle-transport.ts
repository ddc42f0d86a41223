import type { DeliveryTransportKind } from "../errors/delivery-error.js";
import type { SplitResult } from "./bundle-splitter.js";

/** A bundle as given by the connector, before splitting: what directory mode writes. */
export interface UnsplitBundle {
  readonly type: "bundle";
  readonly id: string;
  readonly objects: readonly unknown[];
  readonly [key: string]: unknown;
}

/** One batch ready for delivery: the bundle as given and its split (spec §6.1). */
export interface DeliveryBatch {
  readonly bundle: UnsplitBundle;
  readonly split: SplitResult;
}

/** Per-delivery settings carried by every message (spec §6.3 envelope). */
export interface DeliveryOptions {
  /** The work the messages belong to; without one, no expectations are announced and `work_id` is omitted. */
  readonly workId?: string | undefined;
  /** Envelope `update` (default `false`). */
  readonly update?: boolean | undefined;
  /** Envelope `entities_types`: a non-empty list filters what the worker imports (default `[]`). */
  readonly entitiesTypes?: readonly string[] | undefined;
  /** Envelope `draft_id` (default `null`). */
  readonly draftId?: string | null | undefined;
  /** Aborting stops publishing and waiting; the delivery then fails. */
  readonly signal?: AbortSignal | undefined;
}

/** What one confirmation (or push, or file) added: messages, objects and expectations now fulfilled. */
export interface DeliveryProgress {
  readonly messages: number;
  readonly objects: number;
  readonly expectations: number;
}

/**
 * A batch prepared by a transport: how many messages it will publish, how many objects they carry, and how many
 * expectations the sender must announce on the work before {@link PreparedDelivery.deliver} publishes anything.
 */
export interface PreparedDelivery {
  readonly messages: number;
  readonly objects: number;
  readonly expectations: number;
  /**
   * Publishes the batch and resolves once every message is confirmed (or pushed, or written). Reports each step
   * through `onProgress`. Rejects with a `DeliveryError` whose `delivered` counts the confirmed messages.
   */
  deliver(onProgress: (progress: DeliveryProgress) => void): Promise<void>;
}

/**
 * Where bundles go: RabbitMQ (`amqp`), the platform's `stixBundlePush` (`api`) or files (`directory`).
 * Constructors do no I/O; `start()` connects (optional: the first delivery does it), `close()` is idempotent.
 */
export interface BundleTransport {
  readonly kind: DeliveryTransportKind;
  /** True when messages reach the platform's worker (AMQP, API): they count as sent bundles and records. */
  readonly reachesPlatform: boolean;
  start(signal?: AbortSignal): Promise<void>;
  /** Prepares a batch without I/O. */
  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery;
  close(): Promise<void>;
}
