/**
 * A throwaway push topology on the local RabbitMQ for benchmarks: a durable direct exchange and a durable classic
 * queue bound as the platform binds push queues, optionally capped so a long benchmark does not fill the broker.
 */
import { randomUUID } from "node:crypto";
import { type Channel, connect } from "amqplib";
import type { AmqpConnectionSettings } from "../src/delivery/amqp-connection-settings.js";

export const BENCH_BROKER: AmqpConnectionSettings = {
  host: "127.0.0.1",
  port: 5672,
  vhost: "/",
  useSsl: false,
  user: "guest",
  pass: "guest",
  tls: { rejectUnauthorized: false },
};
export const BENCH_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672/%2F";

/** A push topology for one benchmark. */
export interface BenchTopology {
  readonly exchange: string;
  readonly queue: string;
  readonly routingKey: string;
  /** Empties the queue (between measured runs). */
  purge(): Promise<void>;
  /**
   * Deletes the queue and the exchange. Never throws: a cleanup that fails (the broker restarted or went away
   * during the benchmark) prints a warning naming what is left, so the benchmark still reports and exits 0.
   */
  remove(): Promise<void>;
}

/**
 * Runs `action` on a channel of a connection of its own, closed afterwards: no connection outlives an operation, so
 * a broker restart between two operations cannot leave a closed channel behind.
 */
async function onBroker<T>(action: (channel: Channel) => Promise<T>): Promise<T> {
  const model = await connect(BENCH_BROKER_URL);
  // A connection dropped mid-operation also emits "error"; the operation's own rejection reports it.
  model.on("error", () => {});
  try {
    return await action(await model.createChannel());
  } finally {
    await model.close().catch(() => undefined);
  }
}

/**
 * Declares the topology; `maxLength` caps the queue (oldest messages dropped) for long streaming runs. `warn`
 * receives the cleanup warning (default `console.warn`).
 */
export async function benchTopology(
  maxLength?: number,
  warn: (line: string) => void = console.warn,
): Promise<BenchTopology> {
  const id = randomUUID();
  const exchange = `bench.worker.exchange.${id}`;
  const queue = `push_${id}`;
  const routingKey = `push_routing_${id}`;
  await onBroker(async (channel) => {
    await channel.assertExchange(exchange, "direct", { durable: true });
    await channel.assertQueue(queue, {
      durable: true,
      exclusive: false,
      autoDelete: false,
      arguments: { "x-queue-type": "classic", ...(maxLength === undefined ? {} : { "x-max-length": maxLength }) },
    });
    await channel.bindQueue(queue, exchange, routingKey);
  });
  return {
    exchange,
    queue,
    routingKey,
    purge: async () => {
      await onBroker((channel) => channel.purgeQueue(queue));
    },
    remove: async () => {
      try {
        await onBroker(async (channel) => {
          await channel.deleteQueue(queue);
          await channel.deleteExchange(exchange);
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        warn(
          `bench cleanup: could not delete queue ${queue} and exchange ${exchange} (${reason}); delete them by hand`,
        );
      }
    },
  };
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in KiB.
  return process.resourceUsage().maxRSS / 1024;
}

/** Formats a number with thousands separators. */
export const fmt = (value: number) => Math.round(value).toLocaleString("en-US");
