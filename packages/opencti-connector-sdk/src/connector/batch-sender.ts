import type { StixObject } from "@org/stix2-types";

/** How a batch was delivered, as the sender reports it. */
export interface BatchDelivery {
  /** Messages (split bundles, API pushes or files) confirmed delivered. */
  sent: number;
  /** Expectations added to the work for this batch (spec §5.3). */
  expectations: number;
  /** What the splitter removed (references, incompatible objects); already logged by the sender. */
  warnings: readonly unknown[];
}

/**
 * What an `ExternalImportConnector` needs from delivery: send one batch of objects under the run's work (the
 * sender adds the work's expectations before publishing) and resolve only once every message is confirmed.
 */
export interface BatchSender {
  send(
    objects: readonly StixObject[],
    options: { workId: string | undefined; signal: AbortSignal },
  ): Promise<BatchDelivery>;
  /** Releases the connection; idempotent. */
  close(): Promise<void>;
}
