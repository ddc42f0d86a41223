import type { ConnectorInfoInput } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import { checkQueueThreshold, type QueueCheck, type QueueThresholdOptions, queueCheckInfo } from "./queue-threshold.js";

/** Options of {@link BufferingGate}. */
export interface BufferingGateOptions extends QueueThresholdOptions {
  clock: Clock;
  /** Wait between two checks while over the threshold. Default 30 000 ms. */
  pollIntervalMs?: number;
  /**
   * A check that let publication through (below the threshold, or unmeasurable) stays valid this long, so a
   * connector calling the gate after every small batch does not query the platform each time. Default
   * 10 000 ms; 0 checks every time.
   */
  minCheckIntervalMs?: number;
  /** Receives `buffering`, `queue_threshold` and `queue_messages_size` after each check. */
  onInfo?: (info: Partial<ConnectorInfoInput>) => void;
}

/**
 * The between-batches queue threshold check (spec §6.6, OpenCTI-Platform/connectors#5933): the connector awaits
 * {@link BufferingGate.waitUntilBelow} before publishing each batch; while the push queue is at or over the
 * threshold, it polls and keeps publication paused. A failed check lets publication continue (with a warning).
 */
export class BufferingGate {
  readonly #options: BufferingGateOptions;
  #lastPassAt: number | undefined;

  constructor(options: BufferingGateOptions) {
    if (!(options.thresholdMb > 0)) {
      throw new RangeError(`queue thresholdMb must be > 0 (CONNECTOR_QUEUE_THRESHOLD), got ${options.thresholdMb}`);
    }
    this.#options = options;
  }

  /**
   * Resolves once the queue is below the threshold (or cannot be measured), with the time spent paused.
   * Rejects with the signal's reason when `signal` aborts while paused.
   */
  async waitUntilBelow(signal?: AbortSignal): Promise<{ pausedMs: number }> {
    const { clock, logger } = this.#options;
    const minInterval = this.#options.minCheckIntervalMs ?? 10_000;
    const started = clock.now();
    if (this.#lastPassAt !== undefined && started - this.#lastPassAt < minInterval) return { pausedMs: 0 };
    let paused = false;
    for (;;) {
      signal?.throwIfAborted();
      const check: QueueCheck = await checkQueueThreshold(this.#options);
      this.#options.onInfo?.(queueCheckInfo(check));
      if (check.status !== "over") {
        this.#lastPassAt = clock.now();
        const pausedMs = clock.now() - started;
        if (paused)
          logger.info("Queue messages size is under queue threshold, resuming publication", { paused_ms: pausedMs });
        return { pausedMs };
      }
      if (!paused) {
        logger.info("Publication paused until the queue messages size is reduced under queue threshold", {
          queue_messages_size: check.sizeMb,
          queue_threshold: check.thresholdMb,
        });
        paused = true;
      }
      this.#lastPassAt = undefined;
      await clock.sleep(this.#options.pollIntervalMs ?? 30_000, signal);
    }
  }
}
