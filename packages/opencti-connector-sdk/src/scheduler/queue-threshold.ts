import type { ConnectorInfoInput, OpenCtiApi } from "../api/types.js";
import type { Logger } from "../logging/logger.js";

/** Bytes in the MB of `CONNECTOR_QUEUE_THRESHOLD` (decimal, as pycti and the platform count). */
const BYTES_PER_MB = 1_000_000;

/** What the queue threshold check needs. */
export interface QueueThresholdOptions {
  api: Pick<OpenCtiApi, "getConnector">;
  connectorId: string;
  /** `CONNECTOR_QUEUE_THRESHOLD`, in MB (1 000 000 bytes); must be > 0. */
  thresholdMb: number;
  logger: Logger;
}

/**
 * Result of one check of the push queue against the threshold (spec §6.6):
 * - `below`: run (`buffering = false`);
 * - `over`: skip the run or pause publication (`buffering = true`);
 * - `unknown`: `getConnector` failed or found nothing; the SDK warns and runs anyway.
 */
export type QueueCheck =
  | { status: "below" | "over"; buffering: boolean; sizeMb: number; messages: number; thresholdMb: number }
  | { status: "unknown"; buffering: false; thresholdMb: number; error: unknown };

/** Size of the push queue in MB from `connector_queue_details.messages_size` (bytes). */
export function queueSizeMb(messagesSizeBytes: number): number {
  return messagesSizeBytes / BYTES_PER_MB;
}

/** The `connectorInfo` fields a check updates (the size only when it was measured). */
export function queueCheckInfo(check: QueueCheck): Partial<ConnectorInfoInput> {
  return {
    buffering: check.buffering,
    queue_threshold: check.thresholdMb,
    ...(check.status === "unknown" ? {} : { queue_messages_size: check.sizeMb }),
  };
}

/**
 * Reads the connector's push-queue size with `getConnector` and compares it with the threshold: a size greater
 * than or equal to the threshold is `over`. Never throws: a failed or empty read is logged as a warning and
 * reported `unknown`, so the caller runs anyway (pycti kills the process instead).
 */
export async function checkQueueThreshold(options: QueueThresholdOptions): Promise<QueueCheck> {
  const { thresholdMb, logger } = options;
  let details: Awaited<ReturnType<OpenCtiApi["getConnector"]>>;
  try {
    details = await options.api.getConnector(options.connectorId);
  } catch (error) {
    logger.warn("Cannot read the connector queue size, continuing without the queue threshold check", { error });
    return { status: "unknown", buffering: false, thresholdMb, error };
  }
  if (!details) {
    const error = new Error(`Connector ${options.connectorId} not found on the platform`);
    logger.warn("Cannot read the connector queue size, continuing without the queue threshold check", { error });
    return { status: "unknown", buffering: false, thresholdMb, error };
  }
  const sizeMb = queueSizeMb(details.connector_queue_details.messages_size);
  const messages = details.connector_queue_details.messages_number;
  logger.debug("Connector queue details", {
    connector_queue_id: details.id,
    queue_threshold: thresholdMb,
    messages_number: messages,
    queue_messages_size: sizeMb,
  });
  const over = sizeMb >= thresholdMb;
  return { status: over ? "over" : "below", buffering: over, sizeMb, messages, thresholdMb };
}
