/**
 * The local RabbitMQ (127.0.0.1:5672, guest/guest) for integration tests: is it there, the platform's push topology
 * under unique names, consuming and decoding what was published, and broker disruptions through `rabbitmqctl`.
 *
 * Tests that need the broker use {@link describeWithBroker}: skipped with a message when the broker does not
 * answer, failing instead when `REQUIRE_RABBITMQ=1` (CI).
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect as connectTcp } from "node:net";
import { promisify } from "node:util";
import { type ChannelModel, connect, type Message } from "amqplib";
import { describe, it } from "vitest";
import type { AmqpConnectionSettings } from "../../src/delivery/amqp-connection-settings.js";

const run = promisify(execFile);

export const BROKER_HOST = "127.0.0.1";
export const BROKER_PORT = 5672;
const BROKER_URL = `amqp://guest:guest@${BROKER_HOST}:${BROKER_PORT}/%2F`;

/** Broker settings for the SDK's AMQP transport pointing at the local broker. */
export const LOCAL_BROKER: AmqpConnectionSettings = {
  host: BROKER_HOST,
  port: BROKER_PORT,
  vhost: "/",
  useSsl: false,
  user: "guest",
  pass: "guest",
  tls: { rejectUnauthorized: false },
};

/** True when something accepts TCP connections on the broker's port within `timeoutMs`. */
export function brokerAnswers(timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: BROKER_HOST, port: BROKER_PORT });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

const available = await brokerAnswers();

/**
 * `describe` for tests that need RabbitMQ: runs them when the broker answers; otherwise skips them with a message,
 * or fails when `REQUIRE_RABBITMQ=1`.
 */
export function describeWithBroker(name: string, body: () => void): void {
  if (available) {
    describe(name, body);
  } else if (process.env.REQUIRE_RABBITMQ === "1") {
    describe(name, () => {
      it("needs RabbitMQ on 127.0.0.1:5672", () => {
        throw new Error("RabbitMQ does not answer on 127.0.0.1:5672 and REQUIRE_RABBITMQ=1");
      });
    });
  } else {
    console.warn(`[skipped] ${name}: RabbitMQ does not answer on 127.0.0.1:5672 (set REQUIRE_RABBITMQ=1 to fail)`);
    describe.skip(name, body);
  }
}

/** The platform's push topology for one connector, under names unique to one test. */
export interface PushTopology {
  readonly connectorId: string;
  /** `direct`, durable (the platform's `amqp.worker.exchange`, renamed per test). */
  readonly exchange: string;
  /** `push_<connector id>`. */
  readonly queue: string;
  /** `push_routing_<connector id>`. */
  readonly routingKey: string;
  /** Deletes the queue and the exchange. */
  cleanup(): Promise<void>;
}

/** Opens a plain connection to the local broker (for test plumbing, not for the code under test). */
export function connectBroker(): Promise<ChannelModel> {
  return connect(BROKER_URL);
}

/**
 * Declares the push topology exactly as the platform's `registerConnectorQueues` does (spec §6.3): a durable
 * `direct` exchange, a durable, non-exclusive, non-auto-delete queue `push_<id>` with arguments
 * `{name, config: {id, type, scope}, "x-queue-type": "classic"}`, bound with `push_routing_<id>`.
 */
export async function declarePushTopology(connectorName = "Delivery test"): Promise<PushTopology> {
  const connectorId = randomUUID();
  const exchange = `test.worker.exchange.${connectorId}`;
  const queue = `push_${connectorId}`;
  const routingKey = `push_routing_${connectorId}`;
  const model = await connectBroker();
  try {
    const channel = await model.createChannel();
    await channel.assertExchange(exchange, "direct", { durable: true });
    await channel.assertQueue(queue, {
      exclusive: false,
      durable: true,
      autoDelete: false,
      arguments: {
        name: connectorName,
        config: { id: connectorId, type: "EXTERNAL_IMPORT", scope: "Indicator,Observable" },
        "x-queue-type": "classic",
      },
    });
    await channel.bindQueue(queue, exchange, routingKey);
  } finally {
    await model.close();
  }
  return {
    connectorId,
    exchange,
    queue,
    routingKey,
    cleanup: async () => {
      const cleaner = await connectBroker();
      try {
        const channel = await cleaner.createChannel();
        await channel.deleteQueue(queue);
        await channel.deleteExchange(exchange);
      } finally {
        await cleaner.close().catch(() => undefined);
      }
    },
  };
}

/** A message read back from a push queue, decoded. */
export interface ReceivedMessage {
  /** The raw body as published. */
  readonly body: string;
  /** The envelope, parsed. */
  readonly envelope: Record<string, unknown>;
  /** The split bundle carried base64-encoded in `content`, decoded and parsed. */
  readonly bundle: { objects: Record<string, unknown>[]; [key: string]: unknown };
  readonly properties: Message["properties"];
}

/** Reads every message currently in `queue` (removing them), in queue order. Nothing may publish meanwhile. */
export async function drainQueue(queue: string): Promise<ReceivedMessage[]> {
  const model = await connectBroker();
  const received: ReceivedMessage[] = [];
  try {
    const channel = await model.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    if (messageCount === 0) return received;
    await new Promise<void>((resolve, reject) => {
      channel
        .consume(
          queue,
          (message) => {
            if (message === null) {
              reject(new Error(`the consumer of ${queue} was cancelled`));
              return;
            }
            const body = message.content.toString("utf8");
            const envelope = JSON.parse(body) as Record<string, unknown>;
            const bundle = JSON.parse(Buffer.from(String(envelope.content), "base64").toString("utf8"));
            received.push({ body, envelope, bundle, properties: message.properties });
            if (received.length === messageCount) resolve();
          },
          { noAck: true },
        )
        .catch(reject);
    });
  } finally {
    await model.close();
  }
  return received;
}

/** Runs `rabbitmqctl` with arguments and returns its standard output. */
export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run("rabbitmqctl", args, { timeout: 120_000 });
  return stdout;
}

/**
 * Closes, on the broker side, the connection whose client-provided `connection_name` is `name` (as
 * `rabbitmqctl close_connection` does for an operator). Returns false when no such connection exists.
 */
export async function closeConnectionNamed(name: string, reason: string): Promise<boolean> {
  // The table output prints pids in the form close_connection accepts (the JSON formatter does not).
  const listing = await rabbitmqctl("list_connections", "pid", "client_properties", "-q", "--no-table-headers");
  const line = listing.split("\n").find((row) => row.includes(`{"connection_name","${name}"}`));
  const pid = line?.split("\t")[0];
  if (pid === undefined || pid === "") return false;
  await rabbitmqctl("close_connection", pid, reason);
  return true;
}

/**
 * Restarts the RabbitMQ application (`stop_app`, then `start_app`) and waits until it accepts connections again.
 * Always tries to start it, even when stopping failed: the broker must be left running.
 */
export async function restartBroker(): Promise<void> {
  await whileBrokerStopped(async () => {});
}

/**
 * Runs `body` while the RabbitMQ application is stopped (connections refused), then starts it again and waits until
 * it accepts connections. The broker is always started again, even when `body` or stopping failed.
 */
export async function whileBrokerStopped<T>(body: () => Promise<T>): Promise<T> {
  try {
    await rabbitmqctl("stop_app");
    return await body();
  } finally {
    await rabbitmqctl("start_app");
    await rabbitmqctl("await_startup");
    for (let i = 0; i < 100 && !(await brokerAnswers()); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `body` while RabbitMQ's memory alarm blocks every publisher (memory high watermark set to almost nothing),
 * then restores the relative watermark that was configured.
 */
export async function whilePublishersBlocked<T>(body: () => Promise<T>): Promise<T> {
  const status = JSON.parse(await rabbitmqctl("status", "--formatter", "json")) as {
    vm_memory_high_watermark_setting?: { relative?: number };
  };
  const relative = status.vm_memory_high_watermark_setting?.relative ?? 0.4;
  await rabbitmqctl("set_vm_memory_high_watermark", "0.0000001");
  try {
    return await body();
  } finally {
    await rabbitmqctl("set_vm_memory_high_watermark", String(relative));
  }
}
