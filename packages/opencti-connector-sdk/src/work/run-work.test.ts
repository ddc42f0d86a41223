import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import { createMemoryLogger } from "../logging/logger.js";
import { RunWork, type WorkApi } from "./run-work.js";

const WORK_ID = "work_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695_2026-02-12T22:00:00.000Z";

function recordingApi(options: { failClose?: boolean; failPing?: boolean } = {}) {
  const calls: [string, ...unknown[]][] = [];
  /** When set, `workAdd` answers only once it resolves. */
  let workAddGate: Promise<void> | undefined;
  const api: WorkApi = {
    workAdd: async (connectorId, name) => {
      calls.push(["workAdd", connectorId, name]);
      await workAddGate;
      return WORK_ID;
    },
    workToProcessed: async (id, message, inError) => {
      calls.push(["workToProcessed", id, message, inError]);
      if (options.failClose) throw new Error("platform down");
    },
    addExpectations: async (id, n) => {
      calls.push(["addExpectations", id, n]);
    },
    reportExpectation: async (id, error) => {
      calls.push(["reportExpectation", id, error]);
    },
    pingWork: async (id) => {
      calls.push(["pingWork", id]);
      if (options.failPing) throw new Error("ping refused");
    },
  };
  return {
    api,
    calls,
    /** Holds `workAdd` answers until the returned function is called. */
    holdWorkAdd: () => {
      let release = () => {};
      workAddGate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
}

function setup(options: { failClose?: boolean; failPing?: boolean; maxItemisedErrors?: number } = {}) {
  const clock = new FakeClock(Date.parse("2026-02-12T22:00:00Z"));
  const logger = createMemoryLogger("Feed");
  const platform = recordingApi(options);
  const work = new RunWork({
    api: platform.api,
    connectorId: "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695",
    name: "Feed run @ 2026-02-12T22:00:00.000Z",
    clock,
    logger,
    ...(options.maxItemisedErrors === undefined ? {} : { maxItemisedErrors: options.maxItemisedErrors }),
  });
  return { clock, logger, work, ...platform };
}

describe("RunWork", () => {
  it("sends nothing until opened, and closing an unopened work sends nothing", async () => {
    const { work, calls, clock } = setup();
    expect(work.id).toBeUndefined();
    await expect(work.close({ message: "done", inError: false })).resolves.toBe(true);
    expect(calls).toEqual([]);
    expect(clock.pendingSleeps).toBe(0);
    await expect(work.open()).rejects.toThrow('Work "Feed run @ 2026-02-12T22:00:00.000Z" is already closed');
  });

  it("opens once for concurrent callers and closes once with toProcessed", async () => {
    const { work, calls, logger } = setup();
    const [a, b] = await Promise.all([work.open(), work.open()]);
    expect(a).toBe(WORK_ID);
    expect(b).toBe(WORK_ID);
    expect(work.id).toBe(WORK_ID);
    const first = work.close({ message: "Imported 3 records", inError: false });
    const second = work.close({ message: "ignored", inError: true });
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
    expect(calls).toEqual([
      ["workAdd", "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695", "Feed run @ 2026-02-12T22:00:00.000Z"],
      ["workToProcessed", WORK_ID, "Imported 3 records", false],
    ]);
    expect(logger.entries.map((e) => [e.level, e.message, e.attributes])).toEqual([
      ["info", "Work opened", { work_id: WORK_ID, name: "Feed run @ 2026-02-12T22:00:00.000Z" }],
      ["info", "Work closed", { work_id: WORK_ID, message: "Imported 3 records" }],
    ]);
  });

  it("pings the open work every 5 minutes and stops when closed", async () => {
    const { work, calls, clock } = setup({ failPing: true });
    await work.open();
    await clock.advance(299_999);
    expect(calls.filter((c) => c[0] === "pingWork")).toHaveLength(0);
    await clock.advance(1);
    await clock.advance(300_000);
    expect(calls.filter((c) => c[0] === "pingWork")).toEqual([
      ["pingWork", WORK_ID],
      ["pingWork", WORK_ID],
    ]);
    await work.close({ message: "x", inError: true });
    expect(clock.pendingSleeps).toBe(0);
    await clock.advance(600_000);
    expect(calls.filter((c) => c[0] === "pingWork")).toHaveLength(2);
  });

  it("logs a failed pingWork as a warning and keeps pinging", async () => {
    const { work, clock, logger, calls } = setup({ failPing: true });
    await work.open();
    await clock.advance(600_000);
    expect(calls.filter((c) => c[0] === "pingWork")).toHaveLength(2);
    const warnings = logger.entries.filter((e) => e.level === "warn");
    expect(warnings.map((e) => [e.message, e.attributes.work_id, (e.attributes.error as Error).message])).toEqual([
      ["Cannot ping the work", WORK_ID, "ping refused"],
      ["Cannot ping the work", WORK_ID, "ping refused"],
    ]);
    await work.close({ message: "x", inError: false });
  });

  it("itemises connector errors as addExpectations(1) then reportExpectation, up to the cap", async () => {
    const { work, calls } = setup({ maxItemisedErrors: 2 });
    await expect(work.reportConnectorError("Record r1 skipped: no ip")).rejects.toThrow("is not open");
    await work.open();
    await expect(work.reportConnectorError("Record r1 skipped: no ip")).resolves.toBe(true);
    await expect(work.reportConnectorError("Record r2 skipped: bad date")).resolves.toBe(true);
    await expect(work.reportConnectorError("Record r3 skipped: bad hash")).resolves.toBe(false);
    expect(calls.slice(1)).toEqual([
      ["addExpectations", WORK_ID, 1],
      ["reportExpectation", WORK_ID, { error: "Record r1 skipped: no ip", source: "CONNECTOR" }],
      ["addExpectations", WORK_ID, 1],
      ["reportExpectation", WORK_ID, { error: "Record r2 skipped: bad date", source: "CONNECTOR" }],
    ]);
    await work.close({ message: "x", inError: false });
  });

  it("reports a failed toProcessed as false with an ERROR log instead of throwing", async () => {
    const { work, logger } = setup({ failClose: true });
    await work.open();
    await expect(work.close({ message: "SourceError: down", inError: true })).resolves.toBe(false);
    const error = logger.entries.find((e) => e.level === "error");
    expect(error?.message).toBe("Cannot close the work");
    expect(error?.attributes).toMatchObject({ work_id: WORK_ID, in_error: true });
  });

  it("closes a work whose workAdd is still in flight once it is opened", async () => {
    const { work, calls, holdWorkAdd } = setup();
    const release = holdWorkAdd();
    const opening = work.open();
    const closing = work.close({ message: "RunInterruptedError: stop", inError: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((c) => c[0])).toEqual(["workAdd"]);
    release();
    await expect(opening).resolves.toBe(WORK_ID);
    await expect(closing).resolves.toBe(true);
    expect(calls.map((c) => c[0])).toEqual(["workAdd", "workToProcessed"]);
  });
});
