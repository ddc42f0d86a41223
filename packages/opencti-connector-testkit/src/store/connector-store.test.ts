import { FakeClock } from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import { type ConnectorInfo, ConnectorStore } from "./connector-store.js";

const START = Date.parse("2026-03-01T10:00:00.000Z");
const INPUT = {
  id: "4a7e3b1c-9d2f-4e8a-b6c5-1f0e2d3c4b5a",
  name: "Sectors",
  type: "EXTERNAL_IMPORT",
  scope: ["identity"],
  auto: false,
  only_contextual: false,
  playbook_compatible: false,
  listen_callback_uri: null,
};
const INFO: ConnectorInfo = {
  run_and_terminate: true,
  buffering: false,
  queue_threshold: 500,
  queue_messages_size: 0,
  next_run_datetime: null,
  last_run_datetime: "2026-03-01T10:00:05Z",
};

function setup() {
  const clock = new FakeClock(START);
  return { clock, store: new ConnectorStore({ clock }) };
}

describe("ConnectorStore", () => {
  it("creates a connector on first registration", () => {
    const { store } = setup();
    expect(store.register(INPUT, "user-1")).toMatchObject({
      id: INPUT.id,
      name: "Sectors",
      type: "EXTERNAL_IMPORT",
      scope: ["identity"],
      state: null,
      stateReset: false,
      userId: "user-1",
      createdAt: "2026-03-01T10:00:00.000Z",
      registrations: 1,
    });
  });

  it("stores an empty scope as null, like the platform's comma-joined attribute", () => {
    const { store } = setup();
    expect(store.register({ ...INPUT, scope: [] }, "u").scope).toBeNull();
  });

  it("re-registration patches the connector and keeps its state, info and creation date", () => {
    const { store, clock } = setup();
    store.register(INPUT, "user-1");
    store.ping(INPUT.id, '{"last_run":1}', INFO);
    clock.setTime(START + 60_000);
    const again = store.register({ ...INPUT, name: "Sectors v2" }, "user-1");
    expect(again).toMatchObject({
      name: "Sectors v2",
      state: '{"last_run":1}',
      info: INFO,
      createdAt: "2026-03-01T10:00:00.000Z",
      updatedAt: "2026-03-01T10:01:00.000Z",
      registrations: 2,
    });
  });

  it("a ping stores state, info and updated_at", () => {
    const { store, clock } = setup();
    store.register(INPUT, "u");
    clock.setTime(START + 40_000);
    expect(store.ping(INPUT.id, '{"cursor":"a"}', INFO)).toMatchObject({
      state: '{"cursor":"a"}',
      info: INFO,
      updatedAt: "2026-03-01T10:00:40.000Z",
      lastPingAt: "2026-03-01T10:00:40.000Z",
      pings: 1,
    });
  });

  it("after a reset the next ping returns '' and ignores the sent state; the one after stores again", () => {
    const { store } = setup();
    store.register(INPUT, "u");
    store.ping(INPUT.id, '{"cursor":"a"}', INFO);
    expect(store.resetState(INPUT.id)).toMatchObject({ state: "", stateReset: true });
    expect(store.ping(INPUT.id, '{"cursor":"b"}', INFO)).toMatchObject({ state: "", stateReset: false });
    expect(store.ping(INPUT.id, '{"cursor":"c"}', INFO)?.state).toBe('{"cursor":"c"}');
  });

  it("answers undefined for unknown connectors", () => {
    const { store } = setup();
    expect(store.ping("nope", null, null)).toBeUndefined();
    expect(store.resetState("nope")).toBeUndefined();
    expect(store.get("nope")).toBeUndefined();
  });

  it("returns frozen snapshots", () => {
    const { store } = setup();
    const connector = store.register(INPUT, "u");
    expect(Object.isFrozen(connector)).toBe(true);
    expect(Object.isFrozen(connector.scope)).toBe(true);
  });
});
