import { readFile } from "node:fs/promises";
import type { ChannelModel, ConfirmChannel, Message, Options, SocketOptions } from "amqplib";
import { connect } from "amqplib";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { type Logger, noopLogger } from "../logging/logger.js";
import { type RetryDecision, withRetry } from "../retry/retry.js";
import { type AmqpConnectionSettings, type AmqpTlsSettings, describeAmqpEndpoint } from "./amqp-connection-settings.js";

/** An open connection and its confirm channel; `generation` increases with every reconnection. */
export interface LiveChannel {
  readonly channel: ConfirmChannel;
  readonly generation: number;
}

/** What happened to the connection, for the publishers using it. */
export type AmqpConnectionEvent =
  | { readonly type: "lost"; readonly generation: number; readonly error: unknown }
  | { readonly type: "drain"; readonly generation: number }
  | { readonly type: "return"; readonly generation: number; readonly message: Message };

/** Options of {@link AmqpConnection}. */
export interface AmqpConnectionOptions {
  readonly settings: AmqpConnectionSettings;
  readonly clock?: Clock | undefined;
  readonly logger?: Logger | undefined;
  /** Randomness of the backoff jitter (tests). */
  readonly random?: (() => number) | undefined;
  /** AMQP heartbeat in seconds (default 10, as pycti). */
  readonly heartbeatSeconds?: number | undefined;
  /** Socket timeout while connecting, in ms (default 10 000, as pycti). */
  readonly connectTimeoutMs?: number | undefined;
  /** Client-provided connection name, shown by the broker's management tools. */
  readonly connectionName?: string | undefined;
  /** Connection attempts before giving up (default 30). */
  readonly maxAttempts?: number | undefined;
  /** Backoff between attempts: full jitter from `baseDelayMs` (1 s) doubling up to `maxDelayMs` (60 s). */
  readonly baseDelayMs?: number | undefined;
  readonly maxDelayMs?: number | undefined;
  /** Give up reconnecting after a loss after this long (default 15 min, spec §6.3). */
  readonly deadlineMs?: number | undefined;
  /**
   * Give up the first connection (none has succeeded yet) after this long; default 5 min, the start-up deadline
   * of spec §3.3. A broker address that never answered is a configuration problem (`MQ_HOST`), not an outage.
   */
  readonly startupDeadlineMs?: number | undefined;
}

/** Failures meaning the address itself is wrong or unreachable from here (unknown host, nothing listening...). */
const UNREACHABLE_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
]);
const UNREACHABLE_HINT =
  "the broker address comes from the platform's registration: set MQ_HOST and MQ_PORT to an address this connector reaches, or use CONNECTOR_QUEUE_PROTOCOL=api";

// Reply codes of a refused handshake that retrying cannot fix: access refused, vhost not allowed.
const FATAL_REPLY_CODES = new Set([403, 530]);
// Node TLS verification failures: a configuration problem, not a transient one.
const FATAL_TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;

/** Whether a connection failure is worth another attempt: everything but refused credentials and bad TLS. */
export function classifyAmqpConnectError(error: unknown): RetryDecision {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && FATAL_TLS_CODE.test(code)) return { retryable: false };
  if (typeof code === "number" && FATAL_REPLY_CODES.has(code)) return { retryable: false };
  // amqplib reports a refused handshake only in its message: "Handshake terminated by server: 403 (ACCESS-REFUSED)…".
  const reply = typeof message === "string" ? /terminated by server: (\d{3})/.exec(message) : null;
  if (reply?.[1] !== undefined && FATAL_REPLY_CODES.has(Number(reply[1]))) return { retryable: false };
  return { retryable: true };
}

/** Reads PEM material given as a path; PEM text is used as is. */
async function pem(value: string | undefined): Promise<string | undefined> {
  if (value === undefined || value === "" || value.trimStart().startsWith("-----BEGIN")) return value;
  return readFile(value, "utf8");
}

/** TLS options of an AMQPS connection (amqplib sets the server name to the host when it is not an IP address). */
async function tlsSocketOptions(tls: AmqpTlsSettings): Promise<SocketOptions> {
  const [ca, cert, key] = await Promise.all([pem(tls.ca), pem(tls.cert), pem(tls.key)]);
  return {
    rejectUnauthorized: tls.rejectUnauthorized,
    ...(ca === undefined ? {} : { ca }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(tls.passphrase === undefined ? {} : { passphrase: tls.passphrase }),
  };
}

/**
 * One long-lived RabbitMQ connection with one confirm channel, reopened on demand after a loss.
 *
 * {@link AmqpConnection.open} connects (bounded attempts with jittered exponential backoff, through the injected
 * clock: the first connection gives up after the 5 min start-up deadline, reconnections after 15 min) or returns
 * the live channel. Every failed attempt before the last is logged at WARNING `Cannot connect to RabbitMQ, retrying`
 * with the endpoint, host, port, error code, reason, attempt, delay and time left (never the password), plus a hint
 * when the address is unreachable at start-up. When the connection or the channel closes, subscribers receive a `lost`
 * event carrying the generation, so they can republish what that channel left unconfirmed; the next `open()`
 * reconnects. Refused credentials and TLS verification failures are not retried. Failures end in a
 * {@link DeliveryError} naming host and port, never the password.
 */
export class AmqpConnection {
  readonly #options: AmqpConnectionOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #closing = new AbortController();
  readonly #listeners = new Set<(event: AmqpConnectionEvent) => void>();
  #model: ChannelModel | undefined;
  #live: LiveChannel | undefined;
  #generation = 0;
  #opening: Promise<LiveChannel> | undefined;
  #socketOptions: Promise<SocketOptions> | undefined;

  constructor(options: AmqpConnectionOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
  }

  /** The open channel, or `undefined` while disconnected. */
  get live(): LiveChannel | undefined {
    return this.#live;
  }

  /** Subscribes to connection events; returns the unsubscribe function. */
  subscribe(listener: (event: AmqpConnectionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The live channel, connecting first when needed. Concurrent callers share one attempt sequence. */
  open(signal?: AbortSignal): Promise<LiveChannel> {
    if (this.#closing.signal.aborted) return Promise.reject(this.#closedError());
    if (this.#live !== undefined) return Promise.resolve(this.#live);
    this.#opening ??= this.#connectWithRetry(signal).finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  /** Closes the channel and the connection and stops any reconnection. Idempotent. */
  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort(this.#closedError());
    const model = this.#model;
    this.#model = undefined;
    this.#live = undefined;
    if (model !== undefined) await model.close().catch(() => undefined);
  }

  #closedError(): DeliveryError {
    return new DeliveryError({
      transport: "amqp",
      phase: "connect",
      message: "the transport is closed",
      isRetryable: false,
      host: this.#options.settings.host,
      port: this.#options.settings.port,
    });
  }

  async #connectWithRetry(signal: AbortSignal | undefined): Promise<LiveChannel> {
    const { settings } = this.#options;
    const combined = signal === undefined ? this.#closing.signal : AbortSignal.any([signal, this.#closing.signal]);
    const startup = this.#generation === 0;
    const deadlineMs = startup
      ? (this.#options.startupDeadlineMs ?? 5 * 60_000)
      : (this.#options.deadlineMs ?? 15 * 60_000);
    const started = this.#clock.now();
    let attempts = 0;
    try {
      return await withRetry(
        async () => {
          attempts++;
          return await this.#connectOnce();
        },
        {
          operation: "RabbitMQ connection",
          clock: this.#clock,
          maxAttempts: this.#options.maxAttempts ?? 30,
          baseDelayMs: this.#options.baseDelayMs ?? 1_000,
          maxDelayMs: this.#options.maxDelayMs ?? 60_000,
          deadlineMs,
          classify: classifyAmqpConnectError,
          signal: combined,
          ...(this.#options.random === undefined ? {} : { random: this.#options.random }),
          onRetry: (event) => {
            const code = (event.error as { code?: unknown } | null)?.code;
            this.#logger.warn("Cannot connect to RabbitMQ, retrying", {
              endpoint: describeAmqpEndpoint(settings),
              host: settings.host,
              port: settings.port,
              phase: startup ? "start-up" : "reconnection",
              code: typeof code === "string" || typeof code === "number" ? code : null,
              reason: this.#redact(event.error),
              attempt: event.attempt,
              max_attempts: event.maxAttempts,
              delay_ms: event.delayMs,
              gives_up_in_ms: Math.max(0, started + deadlineMs - this.#clock.now()),
              ...(startup && typeof code === "string" && UNREACHABLE_CODES.has(code) ? { hint: UNREACHABLE_HINT } : {}),
            });
          },
        },
      );
    } catch (error) {
      if (DeliveryError.isInstance(error)) throw error;
      if (combined.aborted && !RetryExhaustedError.isInstance(error)) {
        throw this.#closing.signal.aborted ? this.#closedError() : error;
      }
      const exhausted = RetryExhaustedError.isInstance(error);
      const last = exhausted ? error.cause : error;
      throw new DeliveryError({
        transport: "amqp",
        phase: "connect",
        message: `cannot connect to ${describeAmqpEndpoint(settings)} after ${attempts} attempt(s): ${this.#redact(last)}`,
        isRetryable: exhausted,
        host: settings.host,
        port: settings.port,
        attempts,
        cause: last,
      });
    }
  }

  async #connectOnce(): Promise<LiveChannel> {
    const { settings } = this.#options;
    this.#socketOptions ??= settings.useSsl ? tlsSocketOptions(settings.tls) : Promise.resolve({});
    const tls = await this.#socketOptions;
    const target: Options.Connect = {
      protocol: settings.useSsl ? "amqps" : "amqp",
      hostname: settings.host,
      port: settings.port,
      username: settings.user,
      password: settings.pass,
      // amqplib unescapes the vhost of a connection object as it does a URL's path.
      vhost: encodeURIComponent(settings.vhost),
      heartbeat: this.#options.heartbeatSeconds ?? 10,
    };
    const model = await connect(target, {
      ...tls,
      timeout: this.#options.connectTimeoutMs ?? 10_000,
      clientProperties:
        this.#options.connectionName === undefined ? {} : { connection_name: this.#options.connectionName },
    });
    let channel: ConfirmChannel;
    try {
      channel = await model.createConfirmChannel();
    } catch (error) {
      await model.close().catch(() => undefined);
      throw error;
    }
    if (this.#closing.signal.aborted) {
      await model.close().catch(() => undefined);
      throw this.#closedError();
    }
    const generation = ++this.#generation;
    let channelError: unknown;
    model.on("error", (error: Error) => {
      channelError ??= error;
    });
    model.on("close", (error?: Error) => this.#lost(generation, error ?? channelError));
    model.on("blocked", (reason: string) =>
      this.#logger.warn("RabbitMQ blocked the connection (resource alarm): publishing waits", { reason }),
    );
    model.on("unblocked", () => this.#logger.info("RabbitMQ unblocked the connection"));
    channel.on("error", (error: Error) => {
      channelError = error;
    });
    channel.on("close", () => this.#lost(generation, channelError));
    channel.on("drain", () => this.#emit({ type: "drain", generation }));
    channel.on("return", (message: Message) => this.#emit({ type: "return", generation, message }));
    this.#model = model;
    this.#live = { channel, generation };
    this.#logger.info("Connected to RabbitMQ", {
      endpoint: describeAmqpEndpoint(settings),
      ...(this.#options.connectionName === undefined ? {} : { connection_name: this.#options.connectionName }),
    });
    return this.#live;
  }

  #lost(generation: number, error: unknown): void {
    if (this.#live?.generation !== generation) return;
    const model = this.#model;
    this.#live = undefined;
    this.#model = undefined;
    // A channel closed by the broker (e.g. 404 on a missing exchange) leaves the connection open: drop it too, so
    // the next open() starts clean.
    if (model !== undefined) model.close().catch(() => undefined);
    if (!this.#closing.signal.aborted) {
      this.#logger.warn("Lost the RabbitMQ connection: unconfirmed messages will be republished", {
        endpoint: describeAmqpEndpoint(this.#options.settings),
        reason: error === undefined ? "closed" : this.#redact(error),
      });
    }
    this.#emit({ type: "lost", generation, error });
  }

  #emit(event: AmqpConnectionEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** An error's message with the password blanked out, should a library ever echo it. */
  #redact(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const { pass } = this.#options.settings;
    return pass === "" ? message : message.split(pass).join("[REDACTED]");
  }
}
