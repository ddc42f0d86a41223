/**
 * Broker disruptions in the middle of a delivery: a connection closed by the broker, then a broker restart. These
 * tests act on the shared broker, so they run alone (`vitest.disruptive.config.ts`, after the main run), and the
 * restart always leaves RabbitMQ running.
 *
 * Real time is unavoidable here (the broker restarts for real): the reconnection backoff is shortened and every
 * wait is bounded.
 */
import { afterEach, expect, it } from "vitest";
import { syntheticObjects } from "../../bench/workload.js";
import { AmqpTransport, type AmqpTransportOptions } from "../../src/delivery/amqp-transport.js";
import { BundleSender } from "../../src/delivery/bundle-sender.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import {
  closeConnectionNamed,
  declarePushTopology,
  describeWithBroker,
  drainQueue,
  LOCAL_BROKER,
  type PushTopology,
  restartBroker,
  whilePublishersBlocked,
} from "../support/broker.js";
import { CONNECTOR_USER_ID } from "../support/platform-fixtures.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An AMQP transport to a test topology, closed after the test. */
function transportTo(topology: PushTopology, options: Partial<AmqpTransportOptions>): AmqpTransport {
  const transport = new AmqpTransport({
    connection: LOCAL_BROKER,
    exchange: topology.exchange,
    routingKey: topology.routingKey,
    applicantId: CONNECTOR_USER_ID,
    ...options,
  });
  cleanups.push(() => transport.close());
  return transport;
}

/** Long enough for the disruption to land mid-stream: tens of thousands of messages take seconds to confirm. */
const ITEMS = 15_000;
const MESSAGES = 3 * ITEMS + 2;

/**
 * Sends the workload and starts `disrupt` as soon as the first message is confirmed; returns what was received,
 * deduplicated by `action_sequence`.
 */
async function deliverThrough(disrupt: (connectionName: string) => Promise<unknown>) {
  const topology = await declarePushTopology();
  cleanups.push(topology.cleanup);
  const connectionName = `delivery-disruptive-${topology.connectorId}`;
  const logger = createMemoryLogger();
  const transport = transportTo(topology, {
    connectionName,
    logger,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 1_000,
    reconnectAttempts: 200,
    giveUpAfterMs: 120_000,
  });
  const announced: number[] = [];
  const reported: unknown[] = [];
  const api = {
    addExpectations: async (_workId: string, n: number) => {
      announced.push(n);
    },
    reportExpectation: async (_workId: string, error?: unknown) => {
      reported.push(error);
    },
  };
  let disruption: Promise<unknown> | undefined;
  const sender = new BundleSender({
    transports: [transport],
    api,
    onSent: () => {
      disruption ??= disrupt(connectionName);
    },
  });
  const workId = `work_${topology.connectorId}_2026-02-12T22:41:47.123Z`;
  let result: Awaited<ReturnType<BundleSender["send"]>>;
  try {
    result = await sender.send(
      { type: "bundle", id: "bundle--disrupted", objects: syntheticObjects(ITEMS) },
      { workId },
    );
  } finally {
    await disruption;
  }
  const received = await drainQueue(topology.queue);
  const sequences = new Set(received.map((message) => message.envelope.action_sequence));
  const duplicates = received.length - sequences.size;
  const losses = logger.entries.filter((e) => e.message.startsWith("Lost the RabbitMQ connection")).length;
  console.info(
    `received ${received.length} messages for ${MESSAGES} sent: ${duplicates} duplicate(s), ${losses} loss(es)`,
  );
  return { result, announced, reported, sequences, duplicates, losses, received };
}

describeWithBroker("AMQP delivery through broker disruptions", () => {
  it("survives its connection being closed mid-stream: every message delivered at least once", async () => {
    const outcome = await deliverThrough(async (name) => {
      expect(await closeConnectionNamed(name, "delivery test: connection killed mid-stream")).toBe(true);
    });
    expect(outcome.losses).toBeGreaterThanOrEqual(1);
    expect(outcome.result).toMatchObject({ sent: MESSAGES, expectations: MESSAGES });
    expect(outcome.announced).toEqual([MESSAGES]);
    expect(outcome.reported).toEqual([]);
    expect(outcome.sequences.size).toBe(MESSAGES);
    expect(outcome.received.length).toBe(MESSAGES + outcome.duplicates);
  }, 120_000);

  it("survives a broker restart mid-stream (stop_app, start_app): nothing lost, the run completes", async () => {
    const outcome = await deliverThrough(() => restartBroker());
    expect(outcome.losses).toBeGreaterThanOrEqual(1);
    expect(outcome.result).toMatchObject({ sent: MESSAGES, expectations: MESSAGES });
    expect(outcome.reported).toEqual([]);
    expect(outcome.sequences.size).toBe(MESSAGES);
    expect(outcome.received.length).toBe(MESSAGES + outcome.duplicates);
  }, 180_000);

  it("fails with a DeliveryError, instead of waiting forever, when the broker stops confirming", async () => {
    const topology = await declarePushTopology();
    cleanups.push(topology.cleanup);
    const logger = createMemoryLogger();
    const transport = transportTo(topology, { logger, confirmTimeoutMs: 2_000 });
    await transport.start();
    const sender = new BundleSender({ transports: [transport] });
    const error = await whilePublishersBlocked(() =>
      sender.send({ type: "bundle", id: "bundle--blocked", objects: syntheticObjects(10) }).catch((e: unknown) => e),
    );
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ transport: "amqp", phase: "publish", delivered: 0, total: 32, isRetryable: true });
    expect((error as Error).message).toBe(
      "amqp delivery failed (127.0.0.1:5672): no confirmation from RabbitMQ for 2 s",
    );
    expect(logger.entries.map((e) => e.message)).toContain(
      "RabbitMQ blocked the connection (resource alarm): publishing waits",
    );
  }, 60_000);
});
