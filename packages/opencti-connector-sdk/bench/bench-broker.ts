/**
 * A throwaway push topology on the local RabbitMQ for benchmarks: a durable direct exchange and a durable classic
 * queue bound as the platform binds push queues, optionally capped so a long benchmark does not fill the broker.
 */
import { randomUUID } from "node:crypto";
import { connect } from "amqplib";
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
  purge(): Promise<void>;
  remove(): Promise<void>;
}

/** Declares the topology; `maxLength` caps the queue (oldest messages dropped) for long streaming runs. */
export async function benchTopology(maxLength?: number): Promise<BenchTopology> {
  const id = randomUUID();
  const exchange = `bench.worker.exchange.${id}`;
  const queue = `push_${id}`;
  const routingKey = `push_routing_${id}`;
  const model = await connect(BENCH_BROKER_URL);
  const channel = await model.createChannel();
  await channel.assertExchange(exchange, "direct", { durable: true });
  await channel.assertQueue(queue, {
    durable: true,
    exclusive: false,
    autoDelete: false,
    arguments: { "x-queue-type": "classic", ...(maxLength === undefined ? {} : { "x-max-length": maxLength }) },
  });
  await channel.bindQueue(queue, exchange, routingKey);
  return {
    exchange,
    queue,
    routingKey,
    purge: async () => {
      await channel.purgeQueue(queue);
    },
    remove: async () => {
      await channel.deleteQueue(queue);
      await channel.deleteExchange(exchange);
      await model.close();
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
