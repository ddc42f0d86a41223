import { FakeClock } from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import { MAX_WORK_ERRORS, type WorkSnapshot, WorkStore, workId } from "./work-store.js";

const CONNECTOR = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
const START = Date.parse("2026-02-12T22:41:47.123Z");

function setup() {
  const clock = new FakeClock(START);
  const changes: { work: WorkSnapshot; deleted: boolean }[] = [];
  const store = new WorkStore({ clock, onChange: (work, deleted) => changes.push({ work, deleted }) });
  const open = (received = true) =>
    store.create({ connectorId: CONNECTOR, name: "run", userId: "user-1", eventSourceId: CONNECTOR, received });
  return { clock, store, changes, open };
}

describe("WorkStore", () => {
  it("opens works with the platform's id and the progress status", () => {
    const { store, open } = setup();
    const work = open();
    expect(work.id).toBe(`work_${CONNECTOR}_2026-02-12T22:41:47.123Z`);
    expect(work).toMatchObject({ status: "progress", receivedTime: "2026-02-12T22:41:47.123Z", expected: 0 });
    expect(store.isAlive(work.id)).toBe(true);
  });

  it("gives a second work of the same millisecond the next millisecond", () => {
    const { open } = setup();
    open();
    expect(open().id).toBe(workId(CONNECTOR, START + 1));
  });

  it("keeps a work without received time waiting until toReceived", () => {
    const { store, open, clock } = setup();
    const work = open(false);
    expect(work.status).toBe("wait");
    clock.setTime(START + 500);
    store.toReceived(work.id, "Connector ready to process the operation");
    expect(store.get(work.id)).toMatchObject({
      status: "progress",
      receivedTime: "2026-02-12T22:41:47.623Z",
      messages: [
        {
          timestamp: "2026-02-12T22:41:47.623Z",
          message: "Connector ready to process the operation",
          sequence: null,
          source: null,
        },
      ],
    });
  });

  it("completes when a report makes processed equal expected", () => {
    const { store, open } = setup();
    const { id } = open();
    store.addExpectations(id, 2);
    store.reportExpectation(id, null);
    expect(store.get(id)?.status).toBe("progress");
    store.reportExpectation(id, { error: "boom", source: '{"id":"x"}' });
    expect(store.get(id)).toMatchObject({
      status: "complete",
      completedNumber: 2,
      processed: 2,
      expected: 2,
      errors: [{ message: "boom", source: '{"id":"x"}', sequence: null }],
    });
  });

  it("does not complete on toProcessed while expectations are pending", () => {
    const { store, open } = setup();
    const { id } = open();
    store.addExpectations(id, 3);
    store.reportExpectation(id, null);
    store.toProcessed(id, "done", false);
    expect(store.get(id)).toMatchObject({ status: "progress", processedTime: "2026-02-12T22:41:47.123Z" });
    store.reportExpectation(id, null);
    store.reportExpectation(id, null);
    expect(store.get(id)).toMatchObject({ status: "complete", completedNumber: 3, messages: [{ message: "done" }] });
  });

  it("completes on toProcessed with nothing counted, counting 1, and files an error message under errors", () => {
    const { store, open } = setup();
    const { id } = open();
    store.toProcessed(id, "SourceHttpError: 503", true);
    expect(store.get(id)).toMatchObject({
      status: "complete",
      completedNumber: 1,
      expected: 0,
      messages: [],
      errors: [{ message: "SourceHttpError: 503", source: null }],
    });
  });

  it("completes on toProcessed once everything expected was reported", () => {
    const { store, open } = setup();
    const { id } = open();
    store.addExpectations(id, 1);
    store.reportExpectation(id, null);
    store.toProcessed(id, "done", false);
    expect(store.get(id)).toMatchObject({ status: "complete", completedNumber: 1 });
  });

  it("keeps at most 100 item errors", () => {
    const { store, open } = setup();
    const { id } = open();
    store.addExpectations(id, MAX_WORK_ERRORS + 5);
    for (let i = 0; i < MAX_WORK_ERRORS + 5; i++) store.reportExpectation(id, { error: `e${i}`, source: "s" });
    expect(store.get(id)?.errors).toHaveLength(MAX_WORK_ERRORS);
    expect(store.get(id)?.processed).toBe(MAX_WORK_ERRORS + 5);
  });

  it("ignores edits of a deleted work and reports it dead", () => {
    const { store, open, changes } = setup();
    const { id } = open();
    store.delete(id);
    store.reportExpectation(id, null);
    store.addExpectations(id, 1);
    expect(store.isAlive(id)).toBe(false);
    expect(store.get(id)).toBeUndefined();
    expect(changes.at(-1)).toMatchObject({ deleted: true, work: { id } });
  });

  it("ping only refreshes updated_at; addDraftContext records the draft", () => {
    const { store, open, clock } = setup();
    const { id } = open();
    clock.setTime(START + 60_000);
    store.ping(id);
    store.addDraftContext(id, "draft-1");
    expect(store.get(id)).toMatchObject({
      updatedAt: "2026-02-12T22:42:47.123Z",
      status: "progress",
      draftContext: "draft-1",
    });
  });

  it("connector manager: completes older open works once a newer work received a report", () => {
    const { store, open, clock } = setup();
    const old = open();
    store.addExpectations(old.id, 5);
    clock.setTime(START + 1_000);
    const recent = open();
    store.addExpectations(recent.id, 2);
    store.reportExpectation(recent.id, null);
    store.runManager();
    expect(store.get(old.id)).toMatchObject({ status: "complete", completedNumber: 0 });
    expect(store.get(recent.id)?.status).toBe("progress");
  });

  it("connector manager: deletes works completed more than 7 days ago", () => {
    const { store, open, clock } = setup();
    const { id } = open();
    store.toProcessed(id, null, false);
    clock.setTime(START + 7 * 86_400_000 + 1);
    store.runManager();
    expect(store.isAlive(id)).toBe(false);
  });

  it("lists works oldest first, per connector", () => {
    const { store, open, clock } = setup();
    const first = open();
    clock.setTime(START + 10);
    const second = open();
    store.create({ connectorId: "other", name: null, userId: "u", eventSourceId: null, received: true });
    expect(store.list(CONNECTOR).map((w) => w.id)).toEqual([first.id, second.id]);
    expect(store.list()).toHaveLength(3);
  });
});
