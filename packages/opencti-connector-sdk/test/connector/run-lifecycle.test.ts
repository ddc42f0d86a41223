import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { SourceError } from "../../src/errors/source-error.js";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID } from "../support/platform-fixtures.js";
import { harness, START, WORK_ID } from "./connector-harness.js";

const HOUR = 3_600_000;
const SECOND_WORK_ID = `work_${CONNECTOR_ID}_2026-02-12T23:00:00.000Z`;

/** The addresses delivered, in order. */
const deliveredIps = (batches: { objects: { type: string }[] }[]) =>
  batches.flatMap((b) => b.objects.filter((o) => o.type === "ipv4-addr").map((o) => (o as { value?: string }).value));

import { pingedStates, runWorkCalls, toProcessedCall, workCalls } from "./support/fake-platform.js";
import { FEED_AUTHOR, feedRecords } from "./support/test-feed-connector.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LAST_RUN = new Date(START).toISOString();

describe("ExternalImportConnector: a run", () => {
  it("opens the work on the first batch, announces each batch, checkpoints after each confirmation and closes the work", async () => {
    const h = await harness();
    server = h.server;
    const connector = h.connector();
    const result = await h.drive(connector.run());
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
    expect(pingedStates(h.server)).toEqual([
      null,
      { offset: 2 },
      { offset: 4 },
      { offset: 6 },
      { offset: 6, last_run: LAST_RUN },
      { offset: 6, last_run: LAST_RUN },
    ]);
    expect(h.sender.published.map((b) => b.workId)).toEqual([WORK_ID, WORK_ID, WORK_ID]);
    const first = h.sender.published[0]?.objects ?? [];
    expect(first.map((o) => o.type)).toEqual([
      "identity",
      "marking-definition",
      "ipv4-addr",
      "indicator",
      "ipv4-addr",
      "indicator",
    ]);
    expect(first[0]).toBe(FEED_AUTHOR);
    expect(first[3]).toMatchObject({ created_by_ref: FEED_AUTHOR.id, name: "10.0.0.1" });
    expect(h.sender.closed).toBe(true);
    expect(connector.collects).toEqual([{ offset: 0, isFirstRun: true, since: "2026-01-13T22:00:00.000Z" }]);
    expect(h.platform.works).toEqual([
      expect.objectContaining({ expected: 18, closed: expect.objectContaining({ inError: false }) }),
    ]);
  });
});

describe("ExternalImportConnector: object budget", () => {
  it("delivers a batch larger than the budget in parts and checkpoints it once every part is confirmed", async () => {
    const h = await harness();
    server = h.server;
    const result = await h.drive(h.connector({ options: { maxObjectsPerDelivery: 2 } }).run());
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server).map(([op, v]) => (op === "addExpectations" ? v.expectations : op))).toEqual([
      "workAdd",
      4,
      4,
      4,
      4,
      4,
      4,
      "workToProcessed",
    ]);
    expect(h.sender.published.map((b) => deliveredIps([b]))).toEqual(feedRecords(6).map((r) => [r.ip]));
    expect(pingedStates(h.server)).toEqual([
      null,
      { offset: 2 },
      { offset: 4 },
      { offset: 6 },
      { offset: 6, last_run: LAST_RUN },
      { offset: 6, last_run: LAST_RUN },
    ]);
    expect(workCalls(h.server).at(-1)?.[1].message).toBe(
      "Imported 6 records as 24 STIX objects in 3 batches (24 messages)",
    );
  });
});

describe("ExternalImportConnector: failures", () => {
  it("leaves the work in error and the state at batch 1 when batch 2 fails, then resumes there on the next run", async () => {
    const h = await harness();
    server = h.server;
    let failures = 0;
    const connector = h.connector({
      env: { CONNECTOR_RUN_AND_TERMINATE: "false" },
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2 && failures++ === 0) throw new Error("source exploded");
        },
      },
    });
    const running = connector.run();
    await h.until(() => h.logger.entries.some((e) => e.message === "Schedule next run of connector"));
    expect(workCalls(h.server)).toEqual(
      runWorkCalls({
        connectorId: CONNECTOR_ID,
        workId: WORK_ID,
        startedAt: "2026-02-12T22:00:00.000Z",
        expectations: [6],
        message: "Error: source exploded",
        inError: true,
      }),
    );
    expect(h.platform.state).toBe('{"offset":2}');
    const failure = h.logger.entries.filter((e) => e.level === "error");
    expect(failure.map((e) => [e.message, (e.attributes.error as Error).message])).toEqual([
      ["Connector run failed", "source exploded"],
    ]);
    expect((failure[0]?.attributes.error as Error | undefined)?.stack).toContain("beforeBatch");

    // The process keeps its schedule: the next run, one period later, resumes from batch 2.
    await h.clock.advance(HOUR);
    await h.until(() => h.platform.works[1]?.closed !== undefined);
    expect(workCalls(h.server).slice(3)).toEqual(
      runWorkCalls({
        connectorId: CONNECTOR_ID,
        workId: SECOND_WORK_ID,
        startedAt: "2026-02-12T23:00:00.000Z",
        expectations: [6, 6],
        message: "Imported 4 records as 12 STIX objects in 2 batches (12 messages)",
        inError: false,
      }),
    );
    expect(connector.collects.map((c) => [c.offset, c.isFirstRun])).toEqual([
      [0, true],
      [2, false],
    ]);
    expect(deliveredIps(h.sender.published)).toEqual(feedRecords(6).map((r) => r.ip));
    expect(pingedStates(h.server).slice(-3)).toEqual([
      { offset: 4 },
      { offset: 6 },
      { offset: 6, last_run: "2026-02-12T23:00:00.000Z" },
    ]);
    await connector.stop("SIGTERM");
    await expect(running).resolves.toMatchObject({ exitCode: 0, result: { reason: "stopped", runs: 2, failures: 1 } });
  });

  it("keeps the state at the last confirmed batch when delivery of batch 2 fails, and exits 1 in run-and-terminate", async () => {
    const h = await harness();
    server = h.server;
    h.sender.failBatch(
      2,
      new DeliveryError({ transport: "amqp", phase: "publish", message: "broker gone", isRetryable: true }),
    );
    const result = await h.drive(h.connector().run());
    expect(result.exitCode).toBe(1);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(WORK_ID, "DeliveryError: amqp delivery failed: broker gone", true),
    );
    expect(h.sender.confirmed).toHaveLength(1);
    expect(h.platform.state).toBe('{"offset":2}');
    expect(pingedStates(h.server)).not.toContainEqual({ offset: 4 });
  });

  it("skips a record whose mapping fails, counts and logs it, itemises it on the work and completes the run", async () => {
    const h = await harness();
    server = h.server;
    const feed = feedRecords(6).map((r) => (r.id === "r3" ? { ...r, ip: "" } : r));
    const result = await h.drive(h.connector({ feed }).run());
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server)).toEqual([
      ["workAdd", { connectorId: CONNECTOR_ID, friendlyName: "Test Feed run @ 2026-02-12T22:00:00.000Z" }],
      ["addExpectations", { id: WORK_ID, expectations: 6 }],
      ["addExpectations", { id: WORK_ID, expectations: 4 }],
      ["addExpectations", { id: WORK_ID, expectations: 6 }],
      ["addExpectations", { id: WORK_ID, expectations: 1 }],
      [
        "reportExpectation",
        { id: WORK_ID, error: { error: "Record r3 skipped: the record has no ip", source: "CONNECTOR" } },
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
    expect(h.logger.entries.filter((e) => e.level === "warn").map((e) => [e.message, e.attributes])).toEqual([
      ["Record skipped: it cannot be mapped to STIX", { record_id: "r3", batch: 2, reason: "the record has no ip" }],
    ]);
    expect(h.platform.state).toBe(`{"offset":6,"last_run":"${LAST_RUN}"}`);
  });

  it("resumes collection from the last checkpoint after a retryable SourceError, within the same run and work", async () => {
    const h = await harness();
    server = h.server;
    let failures = 0;
    const connector = h.connector({
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2 && failures++ === 0) throw new SourceError("feed answered 503", { retryAfterMs: 2_000 });
        },
      },
    });
    const result = await h.drive(connector.run());
    expect(result.exitCode).toBe(0);
    expect(connector.collects.map((c) => c.offset)).toEqual([0, 2]);
    expect(h.clock.now() - START).toBe(2_000);
    expect(workCalls(h.server).map(([op]) => op)).toEqual([
      "workAdd",
      "addExpectations",
      "addExpectations",
      "addExpectations",
      "workToProcessed",
    ]);
    expect(deliveredIps(h.sender.published)).toEqual(feedRecords(6).map((r) => r.ip));
    const warning = h.logger.entries.find((e) => e.level === "warn");
    expect(warning?.message).toBe("Source failed, resuming collection from the last checkpoint");
    expect(warning?.attributes).toMatchObject({ attempt: 1, max_attempts: 5, delay_ms: 2_000 });
  });

  it("fails the run once the source keeps failing for 5 attempts in a row", async () => {
    const h = await harness();
    server = h.server;
    const connector = h.connector({
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2) throw new SourceError("feed answered 503");
        },
      },
    });
    const result = await h.drive(connector.run());
    expect(result.exitCode).toBe(1);
    expect(connector.collects.map((c) => c.offset)).toEqual([0, 2, 2, 2, 2]);
    // Full jitter with random 0.5: 500, 1000, 2000 and 4000 ms.
    expect(h.clock.now() - START).toBe(7_500);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(WORK_ID, "RetryExhaustedError: collect failed after 5 attempt(s): feed answered 503", true),
    );
    expect(h.platform.state).toBe('{"offset":2}');
  });

  it("fails the run without opening a work when the stored state does not match the state schema", async () => {
    const h = await harness({ state: '{"offset":"two"}' });
    server = h.server;
    const result = await h.drive(h.connector().run());
    expect(result.exitCode).toBe(1);
    expect(workCalls(h.server)).toEqual([]);
    const error = h.logger.entries.find((e) => e.level === "error")?.attributes.error as Error;
    expect(error.name).toBe("InvalidStateError");
    expect(error.message).toMatch(/^The connector state stored on the platform does not match .*: offset: /);
  });

  it("sends no work call at all when CONNECTOR_SEND_TO_QUEUE is false, and still checkpoints", async () => {
    const h = await harness();
    server = h.server;
    const result = await h.drive(h.connector({ env: { CONNECTOR_SEND_TO_QUEUE: "false" } }).run());
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server)).toEqual([]);
    expect(h.server.callsOf("GetConnector")).toEqual([]);
    expect(h.sender.published.map((b) => b.workId)).toEqual([undefined, undefined, undefined]);
    expect(pingedStates(h.server).slice(1, 4)).toEqual([{ offset: 2 }, { offset: 4 }, { offset: 6 }]);
  });

  it("opens no work when the source has nothing new, and still records the run", async () => {
    const h = await harness({ state: '{"offset":6}' });
    server = h.server;
    const result = await h.drive(h.connector().run());
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server)).toEqual([]);
    expect(h.platform.state).toBe(`{"offset":6,"last_run":"${LAST_RUN}"}`);
  });
});
