import { afterEach, expect, it } from "vitest";
import { syntheticBatches } from "../../bench/workload.js";
import { type BatchResult, BundleSender } from "../../src/delivery/bundle-sender.js";
import type { BundleTransport } from "../../src/delivery/bundle-transport.js";
import { createTransports } from "../../src/delivery/create-transports.js";
import { declarePushTopology, describeWithBroker, drainQueue, type PushTopology } from "../support/broker.js";
import { CONNECTOR_USER_ID } from "../support/platform-fixtures.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The transports a connector gets from its configuration, with registration pointing at a Docker-only host. */
async function wiredTransports(): Promise<{ topology: PushTopology; transports: BundleTransport[] }> {
  const topology = await declarePushTopology();
  cleanups.push(topology.cleanup);
  const transports = createTransports({
    connector: {
      id: topology.connectorId,
      name: "Sender test",
      type: "EXTERNAL_IMPORT",
      scope: ["Indicator"],
      auto: false,
      validateBeforeImport: false,
      queueProtocol: "amqp",
      sendToQueue: true,
      sendToDirectory: false,
      sendToDirectoryRetentionDays: 7,
    },
    registration: {
      config: {
        // As the platform advertises it from inside Docker: unreachable here, hence the MQ_* overrides.
        connection: { host: "rabbitmq", vhost: "/", use_ssl: false, port: 5672, user: "opencti", pass: "platform" },
        push_exchange: topology.exchange,
        push_routing: topology.routingKey,
      },
      connector_user_id: CONNECTOR_USER_ID,
    },
    mq: { host: "127.0.0.1", user: "guest", pass: "guest" },
  });
  for (const transport of transports) cleanups.push(() => transport.close());
  return { topology, transports };
}

describeWithBroker("BundleSender over RabbitMQ", () => {
  it("streams batches: expectations equal messages, each batch confirmed before the next, nothing lost", async () => {
    const { topology, transports } = await wiredTransports();
    const announced: number[] = [];
    const api = {
      addExpectations: async (_workId: string, n: number) => {
        announced.push(n);
      },
      reportExpectation: async () => {
        throw new Error("nothing should be reported");
      },
    };
    let sentCounter = 0;
    const sender = new BundleSender({ transports, api, onSent: (c) => (sentCounter += c.messages) });
    const workId = `work_${topology.connectorId}_2026-02-12T22:41:47.123Z`;
    const results: BatchResult[] = [];
    const queued: number[] = [];
    const result = await sender.send(syntheticBatches(1_000, 250), {
      workId,
      onBatch: async (batch) => {
        results.push(batch);
        // A checkpoint here may rely on it: every message of the batch is already on the broker.
        queued.push((await drainQueue(topology.queue)).length);
      },
    });
    // 4 batches of author + marking + 250 × 3 objects.
    expect(results.map((r) => [r.sent, r.expectations])).toEqual(Array(4).fill([752, 752]));
    expect(announced).toEqual([752, 752, 752, 752]);
    expect(queued).toEqual([752, 752, 752, 752]);
    expect(result).toMatchObject({ sent: 3_008, objects: 3_008, expectations: 3_008, batches: 4, warningCount: 0 });
    expect(sentCounter).toBe(3_008);
  });

  it("delivers every object of a stream exactly once, each batch in x_opencti_seq order", async () => {
    const { topology, transports } = await wiredTransports();
    const sender = new BundleSender({ transports });
    await sender.send(syntheticBatches(600, 200));
    const received = await drainQueue(topology.queue);
    expect(received).toHaveLength(3 * 602);
    const ids = received.map((r) => r.bundle.objects[0]?.id as string);
    // The author and marking travel with each of the 3 batches; every other object exactly once.
    expect(new Set(ids).size).toBe(1_802);
    for (let batch = 0; batch < 3; batch++) {
      const messages = received.slice(batch * 602, (batch + 1) * 602);
      expect(messages.map((m) => m.envelope.action_sequence)).toEqual(Array.from({ length: 602 }, (_, i) => i + 1));
      const seqs = messages.map((m) => m.bundle.x_opencti_seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(messages.map((m) => m.bundle.id)).size).toBe(1);
    }
  });
});
