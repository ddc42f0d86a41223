import type { Clock } from "../clock/clock.js";
import { DeliveryError } from "../errors/delivery-error.js";
import type { Logger } from "../logging/logger.js";
import { backoffDelay } from "../retry/backoff.js";
import type { AmqpConnection, AmqpConnectionEvent, LiveChannel } from "./amqp-connection.js";
import { QUEUE_PUBLISH_OPTIONS } from "./amqp-envelope.js";

/** Limits and policy of {@link publishWithConfirms}. */
export interface PublishPolicy {
  /** Unconfirmed messages allowed at once (default 2 000). */
  readonly maxInFlight: number;
  /** Unconfirmed bytes allowed at once (default 64 MiB). */
  readonly maxInFlightBytes: number;
  /** Publications of one message (first one included) before the delivery fails (default 30). */
  readonly maxAttempts: number;
  /** How long one message may keep failing before the delivery fails (default 15 min, spec §6.3). */
  readonly retryDeadlineMs: number;
  /** Backoff before republishing a nacked or returned message (full jitter, 1 s doubling to 60 s). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Fail when messages stay unconfirmed this long without any confirmation (default 15 min). */
  readonly stallTimeoutMs: number;
  /** Largest message accepted (the broker's `max_message_size`; default 128 MiB). */
  readonly maxMessageBytes: number;
}

/** Inputs of {@link publishWithConfirms}. */
export interface PublishRequest {
  readonly connection: AmqpConnection;
  readonly exchange: string;
  readonly routingKey: string;
  /** Number of messages; message `i` (0-based) is encoded by `encode(i)` only when it enters the window. */
  readonly count: number;
  readonly encode: (index: number) => Buffer;
  /** Called once per message, when the broker confirms it. */
  readonly onConfirmed: (index: number) => void;
  /** Called (one call at a time) when the broker returns a message as unroutable: e.g. force a ping. */
  readonly onUnroutable?: (() => Promise<void>) | undefined;
  readonly policy: PublishPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random?: (() => number) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Broker host and port, for errors. */
  readonly host: string;
  readonly port: number;
}

interface Outgoing {
  readonly index: number;
  readonly body: Buffer;
  attempts: number;
  generation: number;
  returned: boolean;
  /** When the message first failed (nack, return or lost connection). */
  firstFailureAt?: number;
}

/**
 * Publishes `count` messages on the connection's confirm channel and resolves once the broker has confirmed every
 * one of them.
 *
 * At most `maxInFlight` messages (and `maxInFlightBytes`) are unconfirmed at a time, and publishing pauses while
 * the channel asks to (`drain`), so memory stays bounded whatever the batch size. When the connection is lost, the
 * messages it left unconfirmed are republished, in order, on the next connection (at-least-once: a message whose
 * confirmation was lost arrives twice). A nacked or returned (unroutable) message is republished after a jittered
 * backoff. Every path is bounded: a message published `maxAttempts` times, a connection that cannot be reopened,
 * or no confirmation for `stallTimeoutMs` ends in a {@link DeliveryError} whose `delivered` counts the confirmed
 * messages.
 */
export async function publishWithConfirms(request: PublishRequest): Promise<void> {
  const { connection, policy, count, clock } = request;
  if (count === 0) return;
  const local = new AbortController();
  const signal = request.signal === undefined ? local.signal : AbortSignal.any([request.signal, local.signal]);
  const ready: Outgoing[] = [];
  const inFlight = new Set<Outgoing>();
  let inFlightBytes = 0;
  let next = 0;
  let confirmed = 0;
  let failure: DeliveryError | undefined;
  let drainingGeneration = -1;
  let lastProgress = clock.now();
  let unroutableHook: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const fail = (message: string, isRetryable: boolean, attempts?: number, cause?: unknown) => {
    failure ??= new DeliveryError({
      transport: "amqp",
      phase: "publish",
      message,
      isRetryable,
      host: request.host,
      port: request.port,
      attempts,
      delivered: confirmed,
      total: count,
      cause,
    });
    notify();
  };
  const enqueue = (message: Outgoing) => {
    // Keep republished messages in their original order.
    let at = ready.length;
    while (at > 0 && (ready[at - 1] as Outgoing).index > message.index) at--;
    ready.splice(at, 0, message);
  };
  const takeBack = (message: Outgoing): boolean => {
    if (!inFlight.delete(message)) return false;
    inFlightBytes -= message.body.length;
    return true;
  };
  /** Counts a failed publication; fails the delivery once the message is out of attempts or time. */
  const exhausted = (message: Outgoing, what: string): boolean => {
    message.attempts++;
    message.firstFailureAt ??= clock.now();
    const failingFor = clock.now() - message.firstFailureAt;
    if (message.attempts < policy.maxAttempts && failingFor < policy.retryDeadlineMs) return false;
    const duration = failingFor >= policy.retryDeadlineMs ? ` over ${Math.round(failingFor / 1000)} s` : "";
    fail(`${what} ${message.attempts} time(s)${duration}`, true, message.attempts);
    return true;
  };
  const retryLater = (message: Outgoing, why: string, after?: Promise<void>) => {
    if (exhausted(message, `message ${message.index + 1} of ${count} ${why}`)) return;
    const delay = backoffDelay(message.attempts, {
      baseDelayMs: policy.baseDelayMs,
      maxDelayMs: policy.maxDelayMs,
      ...(request.random === undefined ? {} : { random: request.random }),
    });
    request.logger.warn("RabbitMQ did not accept a message, republishing it", {
      reason: why,
      sequence: message.index + 1,
      attempt: message.attempts,
      delay_ms: delay,
    });
    Promise.all([clock.sleep(delay, signal), after]).then(
      () => {
        enqueue(message);
        notify();
      },
      () => undefined,
    );
  };
  const settle = (message: Outgoing, generation: number, error: unknown) => {
    if (message.generation !== generation || !inFlight.has(message)) return;
    if (error === null || error === undefined) {
      takeBack(message);
      if (message.returned) {
        // Republish once the hook (a forced ping re-declaring the queues) is done, not while it runs.
        retryLater(message, "was returned as unroutable (no queue bound to the routing key)", runUnroutableHook());
      } else {
        confirmed++;
        lastProgress = clock.now();
        request.onConfirmed(message.index);
      }
      notify();
      return;
    }
    // amqplib fails every pending confirmation just before it reports the channel closed: decide once that report
    // is in, so a closing channel counts as a lost connection and not as a nack.
    queueMicrotask(() => {
      if (message.generation !== generation || !takeBack(message)) return;
      if (connection.live?.generation === generation) retryLater(message, "was nacked");
      else republishAfterLoss(message);
      notify();
    });
  };
  const republishAfterLoss = (message: Outgoing) => {
    if (exhausted(message, `message ${message.index + 1} of ${count} was left unconfirmed by a lost connection`))
      return;
    enqueue(message);
  };
  const runUnroutableHook = (): Promise<void> | undefined => {
    if (request.onUnroutable === undefined) return undefined;
    unroutableHook ??= request
      .onUnroutable()
      .catch((error: unknown) => request.logger.warn("Recovering from an unroutable message failed", { error }))
      .finally(() => {
        unroutableHook = undefined;
      });
    return unroutableHook;
  };
  const onEvent = (event: AmqpConnectionEvent) => {
    if (event.type === "lost") {
      for (const message of [...inFlight]) {
        if (message.generation === event.generation && takeBack(message)) republishAfterLoss(message);
      }
    } else if (event.type === "drain") {
      if (event.generation === drainingGeneration) drainingGeneration = -1;
    } else {
      for (const message of inFlight) {
        if (message.generation === event.generation && message.body.equals(event.message.content)) {
          message.returned = true;
          break;
        }
      }
    }
    notify();
  };

  const unsubscribe = connection.subscribe(onEvent);
  signal.addEventListener("abort", notify);
  // Fails the delivery when messages wait on the broker with no confirmation for too long (e.g. a connection kept
  // blocked by a resource alarm). Time spent with nothing in flight (backoff, reconnecting) does not count.
  const watchdog = (async () => {
    for (;;) {
      const now = clock.now();
      if (now - lastProgress >= policy.stallTimeoutMs) {
        if (inFlight.size > 0) {
          fail(`no confirmation from RabbitMQ for ${Math.round((now - lastProgress) / 1000)} s`, true);
          return;
        }
        lastProgress = now;
      }
      await clock.sleep(lastProgress + policy.stallTimeoutMs - now, signal);
    }
  })().catch(() => undefined);

  try {
    while (confirmed < count) {
      if (failure !== undefined) throw failure;
      if (signal.aborted) {
        throw new DeliveryError({
          transport: "amqp",
          phase: "publish",
          message: "the delivery was aborted",
          isRetryable: false,
          host: request.host,
          port: request.port,
          delivered: confirmed,
          total: count,
          cause: request.signal?.reason,
        });
      }
      let live: LiveChannel | undefined = connection.live;
      if (live === undefined) {
        try {
          live = await connection.open(signal);
        } catch (error) {
          throw DeliveryError.isInstance(error) ? error.withProgress(confirmed, count) : error;
        }
        continue;
      }
      while (
        failure === undefined &&
        connection.live === live &&
        drainingGeneration !== live.generation &&
        inFlight.size < policy.maxInFlight &&
        inFlightBytes < policy.maxInFlightBytes
      ) {
        let message = ready.shift();
        if (message === undefined) {
          if (next >= count) break;
          const index = next++;
          const body = request.encode(index);
          if (body.length > policy.maxMessageBytes) {
            fail(`message ${index + 1} is ${body.length} bytes, over the ${policy.maxMessageBytes}-byte limit`, false);
            break;
          }
          message = { index, body, attempts: 0, generation: live.generation, returned: false };
        }
        message.generation = live.generation;
        message.returned = false;
        if (inFlight.size === 0) lastProgress = clock.now();
        inFlight.add(message);
        inFlightBytes += message.body.length;
        const publishedOn = live.generation;
        const target = message;
        let writable: boolean;
        try {
          writable = live.channel.publish(
            request.exchange,
            request.routingKey,
            message.body,
            QUEUE_PUBLISH_OPTIONS,
            (error: unknown) => settle(target, publishedOn, error),
          );
        } catch (error) {
          takeBack(message);
          enqueue(message);
          // A channel that closed under us is reported by a lost event; anything else would never resolve.
          if (connection.live === live) fail(`cannot publish: ${String(error)}`, false, undefined, error);
          break;
        }
        if (!writable) drainingGeneration = live.generation;
      }
      if (confirmed >= count || failure !== undefined) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal.removeEventListener("abort", notify);
    unsubscribe();
    local.abort();
    notify();
    await watchdog;
  }
}
