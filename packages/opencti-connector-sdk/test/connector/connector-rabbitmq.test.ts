import type { StixObject } from "@org/stix2-types";
import { afterEach, expect, it } from "vitest";
import type { ConnectorConfigOf } from "../../src/config/define-connector-config.js";
import type { MapContext } from "../../src/connector/import-context.js";
import {
  connectBroker,
  declarePushTopology,
  describeWithBroker,
  drainQueue,
  type PushTopology,
} from "../support/broker.js";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID, CONNECTOR_USER_ID } from "../support/platform-fixtures.js";
import { type Harness, harness, NEVER_MS, WORK_ID } from "./connector-harness.js";
import { pingedStates, runWorkCalls, toProcessedCall, workCalls } from "./support/fake-platform.js";
import { type FeedRecord, feedRecords, TestFeedConnector, type testFeedConfig } from "./support/test-feed-connector.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const LAST_RUN = "2026-02-12T22:00:00.000Z";

async function onBroker(options: { state?: string } = {}): Promise<{ h: Harness; topology: PushTopology }> {
  const topology = await declarePushTopology("Test Feed");
  cleanups.push(topology.cleanup);
  const h = await harness({ ...options, broker: topology });
  cleanups.push(async () => {
    await (h.server as GraphQLServer).close();
  });
  return { h, topology };
}

async function queued(queue: string): Promise<number> {
  const model = await connectBroker();
  try {
    return (await (await model.createChannel()).checkQueue(queue)).messageCount;
  } finally {
    await model.close();
  }
}

/** The IPv4 values carried by the messages, in queue order. */
const ipsOf = (messages: { bundle: { objects: Record<string, unknown>[] } }[]) =>
  messages
    .map((m) => m.bundle.objects[0])
    .filter((o) => o?.type === "ipv4-addr")
    .map((o) => o?.value);

describeWithBroker("ExternalImportConnector over RabbitMQ", () => {
  it("announces exactly the published messages per batch and checkpoints only once they are on the broker", async () => {
    const { h, topology } = await onBroker();
    const onQueueAtPing: [unknown, number][] = [];
    h.platform.onPing = async (state) => {
      onQueueAtPing.push([JSON.parse(state), await queued(topology.queue)]);
    };
    const result = await h.drive(h.connector().run());
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server)).toEqual(
      runWorkCalls({
        connectorId: CONNECTOR_ID,
        workId: WORK_ID,
        startedAt: "2026-02-12T22:00:00.000Z",
        expectations: [6, 6, 6],
        message: "Imported 6 records as 18 STIX objects in 3 batches (18 messages)",
        inError: false,
      }),
    );
    const messages = await drainQueue(topology.queue);
    expect(messages).toHaveLength(18);
    expect(new Set(messages.map((m) => m.envelope.work_id))).toEqual(new Set([WORK_ID]));
    expect(new Set(messages.map((m) => m.envelope.applicant_id))).toEqual(new Set([CONNECTOR_USER_ID]));
    expect(ipsOf(messages)).toEqual(feedRecords(6).map((r) => r.ip));
    // Each checkpoint ping found at least every message of the batches before it already queued.
    const checkpoints = onQueueAtPing.filter(([state]) => state !== null);
    expect(checkpoints.map(([state]) => state)).toEqual([
      { offset: 2 },
      { offset: 4 },
      { offset: 6 },
      { offset: 6, last_run: LAST_RUN },
      { offset: 6, last_run: LAST_RUN },
    ]);
    for (const [index, [, count]] of checkpoints.slice(0, 3).entries())
      expect(count).toBeGreaterThanOrEqual(6 * (index + 1));
    expect(checkpoints.slice(3).map(([, count]) => count)).toEqual([18, 18]);
  });

  it("leaves the work in error and the state at batch 1 when batch 2 fails; the next run resumes with no loss", async () => {
    const { h, topology } = await onBroker();
    const failing = h.connector({
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2) throw new Error("source exploded");
        },
      },
    });
    expect((await h.drive(failing.run())).exitCode).toBe(1);
    expect(workCalls(h.server).at(-1)).toEqual(toProcessedCall(WORK_ID, "Error: source exploded", true));
    expect(h.platform.state).toBe('{"offset":2}');
    expect(await queued(topology.queue)).toBe(6);

    const resumed = h.connector();
    expect((await h.drive(resumed.run())).exitCode).toBe(0);
    expect(resumed.collects.map((c) => [c.offset, c.isFirstRun])).toEqual([[2, false]]);
    const messages = await drainQueue(topology.queue);
    expect(messages).toHaveLength(18);
    expect(ipsOf(messages)).toEqual(feedRecords(6).map((r) => r.ip));
    expect(h.platform.state).toBe(`{"offset":6,"last_run":"${LAST_RUN}"}`);
  });

  it("on SIGTERM mid-run keeps what the broker confirmed, closes the work as interrupted and exits 0", async () => {
    const { h, topology } = await onBroker();
    let stopping: Promise<void> | undefined;
    const connector = h.connector({
      env: { CONNECTOR_RUN_AND_TERMINATE: "false" },
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 4) stopping = connector.stop("SIGTERM");
        },
      },
    });
    const result = await h.drive(connector.run());
    await stopping;
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(
        WORK_ID,
        "RunInterruptedError: Run interrupted (SIGTERM); state kept at the last confirmed checkpoint",
        true,
      ),
    );
    expect(await queued(topology.queue)).toBe(12);
    expect(h.platform.state).toBe('{"offset":4}');
    expect(pingedStates(h.server).at(-1)).toEqual({ offset: 4 });
  });

  it("skips an unmappable record, itemises it on the work, and publishes the rest", async () => {
    const { h, topology } = await onBroker();
    const feed = feedRecords(6).map((r) => (r.id === "r5" ? { ...r, ip: "" } : r));
    expect((await h.drive(h.connector({ feed }).run())).exitCode).toBe(0);
    expect(workCalls(h.server).slice(-3)).toEqual([
      ["addExpectations", { id: WORK_ID, expectations: 1 }],
      [
        "reportExpectation",
        { id: WORK_ID, error: { error: "Record r5 skipped: the record has no ip", source: "CONNECTOR" } },
      ],
      [
        "workToProcessed",
        {
          id: WORK_ID,
          message: "Imported 6 records as 16 STIX objects in 3 batches (16 messages), 1 record skipped",
          inError: false,
        },
      ],
    ]);
    const announced = workCalls(h.server)
      .filter(([op]) => op === "addExpectations")
      .reduce((sum, [, variables]) => sum + Number(variables.expectations), 0);
    const messages = await drainQueue(topology.queue);
    expect(messages).toHaveLength(16);
    expect(announced).toBe(16 + 1);
  });

  it("stops the run on a remote reset and never persists a checkpoint derived from the old state", async () => {
    const { h, topology } = await onBroker({ state: '{"offset":0}' });
    const connector = h.connector({
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2) h.platform.resetRequested = true;
        },
      },
    });
    expect((await h.drive(connector.run())).exitCode).toBe(1);
    const closing = workCalls(h.server).at(-1);
    expect(closing?.[1]).toMatchObject({ id: WORK_ID, inError: true });
    expect(String(closing?.[1].message)).toMatch(/^StateResetError: /);
    // Batch 1's checkpoint ping met the reset; every later ping carries the reset state.
    const states = pingedStates(h.server);
    expect(states.slice(0, 2)).toEqual([{ offset: 0 }, { offset: 2 }]);
    expect(states.slice(2)).toEqual(states.slice(2).map(() => null));
    expect(h.platform.state).toBe("null");
    await drainQueue(topology.queue);
  });

  it("sends an object several records produce once per delivery, without any splitter warning", async () => {
    const { h, topology } = await onBroker();
    const created = "2026-01-01T00:00:00.000Z";
    class MalwareFeed extends TestFeedConnector {
      override toStix(record: FeedRecord, context: MapContext<ConnectorConfigOf<typeof testFeedConfig>>) {
        const [ip, indicator] = super.toStix(record, context) as [StixObject, StixObject];
        const emotet = context.stix.malware({ name: "Emotet", is_family: true, created, modified: created });
        const indicates = context.stix.relationship({
          relationship_type: "indicates",
          source_ref: indicator.id,
          target_ref: emotet.id,
          created,
          modified: created,
        });
        return [ip, indicator, emotet, indicates];
      }
    }
    const base = h.connector({ feed: feedRecords(4) });
    const connector = new MalwareFeed(base.feed, base.batchSize, {
      env: h.env,
      cwd: "/nonexistent",
      clock: h.clock,
      logger: h.logger,
      pingIntervalMs: NEVER_MS,
      random: () => 0.5,
    });
    expect((await h.drive(connector.run())).exitCode).toBe(0);
    expect(h.logger.entries.filter((e) => e.level === "warn" || /merged|splitter/.test(e.message))).toEqual([]);
    // Author, TLP:GREEN, Emotet once, then per record its address, indicator and relationship.
    expect(workCalls(h.server).filter(([op]) => op === "addExpectations")).toEqual([
      ["addExpectations", { id: WORK_ID, expectations: 9 }],
      ["addExpectations", { id: WORK_ID, expectations: 9 }],
    ]);
    const messages = await drainQueue(topology.queue);
    const summary = messages.map((m) => {
      const object = m.bundle.objects[0] as { type: string; value?: string; name?: string };
      return [m.envelope.action_sequence, m.bundle.x_opencti_seq, object.type, object.value ?? object.name];
    });
    const delivery = (first: string, second: string) => [
      [1, 1, "identity", "Test Feed Source"],
      [2, 1, "marking-definition", "TLP:GREEN"],
      [3, 3, "ipv4-addr", first],
      [4, 3, "indicator", first],
      [5, 3, "malware", "Emotet"],
      [6, 3, "ipv4-addr", second],
      [7, 3, "indicator", second],
      [8, 9, "relationship", undefined],
      [9, 9, "relationship", undefined],
    ];
    expect(summary).toEqual([...delivery("10.0.0.1", "10.0.0.2"), ...delivery("10.0.0.3", "10.0.0.4")]);
    const malwareId = messages[4]?.bundle.objects[0]?.id;
    expect(
      messages.filter((m) => m.bundle.objects[0]?.type === "relationship").map((m) => m.bundle.objects[0]?.target_ref),
    ).toEqual([malwareId, malwareId, malwareId, malwareId]);
    expect(new Set(messages.map((m) => m.bundle.objects.length))).toEqual(new Set([1]));
  });

  it("skips the run while the push queue is over the threshold, sending nothing", async () => {
    const { h, topology } = await onBroker();
    h.platform.queueBytes = 501_000_000;
    const connector = h.connector();
    expect((await h.drive(connector.run())).exitCode).toBe(0);
    expect(connector.collects).toEqual([]);
    expect(workCalls(h.server)).toEqual([]);
    expect(await queued(topology.queue)).toBe(0);
  });
});
