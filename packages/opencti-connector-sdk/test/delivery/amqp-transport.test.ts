import { inspect } from "node:util";
import { afterEach, expect, it } from "vitest";
import { syntheticObjects } from "../../bench/workload.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { AmqpTransport, type AmqpTransportOptions } from "../../src/delivery/amqp-transport.js";
import { type StixBundleRecord, splitBundle } from "../../src/delivery/bundle-splitter.js";
import type { DeliveryProgress } from "../../src/delivery/bundle-transport.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { connectBroker, declarePushTopology, describeWithBroker, drainQueue, LOCAL_BROKER } from "../support/broker.js";
import { settle } from "../support/drive.js";
import { CONNECTOR_USER_ID } from "../support/platform-fixtures.js";
import { ACME as acme, EMOTET as emotet } from "./stix-fixtures.js";

const WORK_ID = "work_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695_2026-02-12T22:41:47.123Z";

const uses = {
  type: "relationship",
  id: "relationship--0a1b2c3d-0000-4000-8000-000000000001",
  relationship_type: "related-to",
  source_ref: emotet.id,
  target_ref: acme.id,
};
const BUNDLE: StixBundleRecord = {
  type: "bundle",
  id: "bundle--0d9f5c5e-1d5b-4a3e-9a55-5c1c0f7a6e10",
  objects: [uses, emotet, acme],
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  options: Partial<AmqpTransportOptions> = {},
): Promise<{ transport: AmqpTransport; queue: string }> {
  const topology = await declarePushTopology();
  const transport = new AmqpTransport({
    connection: LOCAL_BROKER,
    exchange: topology.exchange,
    routingKey: topology.routingKey,
    applicantId: CONNECTOR_USER_ID,
    connectionName: `delivery-test-${topology.connectorId}`,
    ...options,
  });
  cleanups.push(topology.cleanup, () => transport.close());
  return { transport, queue: topology.queue };
}

/** The batch of a bundle as the sender hands it to a transport. */
function batchOf(bundle: StixBundleRecord) {
  return { bundle: { ...bundle, type: "bundle" as const, id: String(bundle.id) }, split: splitBundle(bundle) };
}

describeWithBroker("AmqpTransport on RabbitMQ", () => {
  it("publishes one message per split bundle with the exact envelope, in x_opencti_seq order", async () => {
    const { transport, queue } = await setUp();
    await transport.start();
    const prepared = transport.prepare(batchOf(BUNDLE), { workId: WORK_ID });
    expect([prepared.messages, prepared.objects, prepared.expectations]).toEqual([3, 3, 3]);
    const progress: DeliveryProgress[] = [];
    await prepared.deliver((p) => progress.push(p));
    expect(progress).toEqual(Array(3).fill({ messages: 1, objects: 1, expectations: 1 }));

    const received = await drainQueue(queue);
    const expectedBundles = [
      { type: "bundle", id: BUNDLE.id, spec_version: "2.1", x_opencti_seq: 1, objects: [{ ...acme, nb_deps: 1 }] },
      { type: "bundle", id: BUNDLE.id, spec_version: "2.1", x_opencti_seq: 2, objects: [{ ...emotet, nb_deps: 2 }] },
      // source (2) + target (1) + itself
      { type: "bundle", id: BUNDLE.id, spec_version: "2.1", x_opencti_seq: 4, objects: [{ ...uses, nb_deps: 4 }] },
    ];
    expect(received.map((r) => r.body)).toEqual(
      expectedBundles.map(
        (bundle, i) =>
          `{"bundle_type":"QUEUE_BUNDLE","applicant_id":"${CONNECTOR_USER_ID}","action_sequence":${i + 1},` +
          `"entities_types":[],"content":"${Buffer.from(JSON.stringify(bundle)).toString("base64")}",` +
          `"update":false,"draft_id":null,"work_id":"${WORK_ID}"}`,
      ),
    );
    for (const message of received) {
      expect(Object.keys(message.envelope)).toEqual([
        "bundle_type",
        "applicant_id",
        "action_sequence",
        "entities_types",
        "content",
        "update",
        "draft_id",
        "work_id",
      ]);
      expect(message.properties.deliveryMode).toBe(2);
      expect(message.properties.contentEncoding).toBe("utf-8");
      expect(message.properties.contentType).toBeUndefined();
      expect(message.properties.messageId).toBeUndefined();
    }
    expect(received.map((r) => r.bundle)).toEqual(expectedBundles);
  });

  it("omits work_id and announces no expectations without a work", async () => {
    const { transport, queue } = await setUp();
    const prepared = transport.prepare(batchOf({ id: "bundle--x", objects: [acme] }), {
      update: true,
      entitiesTypes: ["Identity"],
    });
    expect(prepared.expectations).toBe(0);
    const progress: DeliveryProgress[] = [];
    await prepared.deliver((p) => progress.push(p));
    expect(progress).toEqual([{ messages: 1, objects: 1, expectations: 0 }]);
    const [message] = await drainQueue(queue);
    expect(message?.envelope).toMatchObject({ update: true, entities_types: ["Identity"], draft_id: null });
    expect(Object.keys(message?.envelope ?? {})).not.toContain("work_id");
  });

  it("keeps a bounded window over a large batch and delivers every message once, in order", async () => {
    const { transport, queue } = await setUp({ maxInFlight: 64 });
    const prepared = transport.prepare(batchOf({ id: "bundle--big", objects: syntheticObjects(1_000) }), {
      workId: WORK_ID,
    });
    let confirmed = 0;
    await prepared.deliver(() => confirmed++);
    expect(confirmed).toBe(3_002);
    const received = await drainQueue(queue);
    expect(received.map((r) => r.envelope.action_sequence)).toEqual(Array.from({ length: 3_002 }, (_, i) => i + 1));
    const seqs = received.map((r) => r.bundle.x_opencti_seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(received.map((r) => r.bundle.objects[0]?.id)).size).toBe(3_002);
  });

  it("republishes a message returned as unroutable once the unroutable hook has bound a queue", async () => {
    const clock = new FakeClock(Date.parse("2026-02-12T00:00:00Z"));
    let hookCalls = 0;
    const topology = await declarePushTopology();
    cleanups.push(topology.cleanup);
    const unbound = `${topology.routingKey}.not-yet`;
    const transport = new AmqpTransport({
      connection: LOCAL_BROKER,
      exchange: topology.exchange,
      routingKey: unbound,
      applicantId: CONNECTOR_USER_ID,
      clock,
      random: () => 0.5,
      // What a forced ping does on the platform: (re)declare and bind the push queue.
      onUnroutable: async () => {
        hookCalls++;
        const model = await connectBroker();
        await (await model.createChannel()).bindQueue(topology.queue, topology.exchange, unbound);
        await model.close();
      },
    });
    cleanups.push(() => transport.close());
    const prepared = transport.prepare(batchOf({ id: "bundle--r", objects: [acme] }), {});
    await settle(
      prepared.deliver(() => undefined),
      clock,
    );
    expect(hookCalls).toBe(1);
    expect(await drainQueue(topology.queue)).toHaveLength(1);
  });

  /** A push queue that holds one message and refuses the next one (the broker nacks it). */
  async function fullQueue() {
    const topology = await declarePushTopology();
    cleanups.push(topology.cleanup);
    const full = `${topology.queue}.full`;
    const model = await connectBroker();
    const channel = await model.createChannel();
    await channel.assertQueue(full, {
      durable: true,
      arguments: { "x-max-length": 1, "x-overflow": "reject-publish" },
    });
    await channel.bindQueue(full, topology.exchange, `${topology.routingKey}.full`);
    await model.close();
    cleanups.push(async () => {
      const cleaner = await connectBroker();
      await (await cleaner.createChannel()).deleteQueue(full);
      await cleaner.close();
    });
    return { exchange: topology.exchange, routingKey: `${topology.routingKey}.full` };
  }

  /** Delivers ACME then Emotet, one at a time, to the refusing queue: the second one is nacked every time. */
  async function deliverRefused(options: Partial<AmqpTransportOptions>) {
    const clock = new FakeClock(Date.parse("2026-02-12T00:00:00Z"));
    const logger = createMemoryLogger();
    const transport = new AmqpTransport({
      connection: LOCAL_BROKER,
      ...(await fullQueue()),
      applicantId: CONNECTOR_USER_ID,
      clock,
      logger,
      maxInFlight: 1,
      ...options,
    });
    cleanups.push(() => transport.close());
    const prepared = transport.prepare(batchOf({ id: "bundle--n", objects: [acme, emotet] }), {});
    const error = await settle(
      prepared.deliver(() => undefined),
      clock,
    ).catch((e: unknown) => e);
    return { error: error as DeliveryError, logger };
  }

  it("gives up on a message the broker keeps refusing, with the count of confirmed messages", async () => {
    const { error, logger } = await deliverRefused({ maxPublishAttempts: 3 });
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ transport: "amqp", phase: "publish", delivered: 1, total: 2, isRetryable: true });
    expect(error.message).toBe("amqp delivery failed (127.0.0.1:5672): message 2 of 2 was nacked 3 time(s)");
    expect(
      logger.entries.filter((e) => e.message === "RabbitMQ did not accept a message, republishing it"),
    ).toHaveLength(2);
  });

  it("gives up on a refused message once it has been failing for giveUpAfterMs", async () => {
    const { error } = await deliverRefused({ random: () => 1, giveUpAfterMs: 10_000 });
    // Republished after 1 s, 2 s, 4 s, 8 s (full jitter drawn at its maximum): 15 s > 10 s at the 5th refusal.
    expect(error.message).toBe("amqp delivery failed (127.0.0.1:5672): message 2 of 2 was nacked 5 time(s) over 15 s");
  });

  it("gives up connecting to an unreachable broker after bounded attempts, naming host and port, never the password", async () => {
    const clock = new FakeClock(Date.parse("2026-02-12T00:00:00Z"));
    const logger = createMemoryLogger();
    const password = "s3cret-mq-pass-4711";
    const transport = new AmqpTransport({
      // Nothing listens on port 1.
      connection: { ...LOCAL_BROKER, port: 1, user: "connector", pass: password },
      exchange: "amqp.worker.exchange",
      routingKey: "push_routing_x",
      applicantId: CONNECTOR_USER_ID,
      clock,
      logger,
      random: () => 0.5,
      reconnectAttempts: 4,
    });
    cleanups.push(() => transport.close());
    const error = await settle(transport.start(), clock).catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ transport: "amqp", phase: "connect", host: "127.0.0.1", port: 1, attempts: 4 });
    expect((error as DeliveryError).isRetryable).toBe(true);
    expect((error as DeliveryError).cause).toMatchObject({ code: "ECONNREFUSED" });
    expect((error as Error).message).toBe(
      "amqp delivery failed (127.0.0.1:1): cannot connect to amqp://127.0.0.1:1/%2F after 4 attempt(s): " +
        "connect ECONNREFUSED 127.0.0.1:1",
    );
    // Backoff 1 s, 2 s, 4 s at full jitter 0.5, through the clock.
    expect(logger.entries.map((e) => e.attributes.delay_ms)).toEqual([500, 1_000, 2_000]);
    expect(inspect(error, { depth: 10 })).not.toContain(password);
    expect(JSON.stringify(logger.entries)).not.toContain(password);
  });

  it("does not retry refused credentials", async () => {
    const logger = createMemoryLogger();
    const password = "wrong-pass-0815";
    const transport = new AmqpTransport({
      connection: { ...LOCAL_BROKER, pass: password },
      exchange: "amqp.worker.exchange",
      routingKey: "push_routing_x",
      applicantId: CONNECTOR_USER_ID,
      logger,
    });
    cleanups.push(() => transport.close());
    const error = await transport.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ transport: "amqp", phase: "connect", attempts: 1, isRetryable: false });
    expect((error as Error).message).toContain("403 (ACCESS-REFUSED)");
    expect(inspect(error, { depth: 10 })).not.toContain(password);
    expect(JSON.stringify(logger.entries)).not.toContain(password);
  });

  it("fails deliveries after close, and close is idempotent", async () => {
    const { transport } = await setUp();
    await transport.start();
    await transport.close();
    await transport.close();
    const prepared = transport.prepare(batchOf({ id: "bundle--c", objects: [acme] }), {});
    await expect(prepared.deliver(() => undefined)).rejects.toMatchObject({
      transport: "amqp",
      isRetryable: false,
      message: "amqp delivery failed (127.0.0.1:5672): the transport is closed",
    });
  });
});
