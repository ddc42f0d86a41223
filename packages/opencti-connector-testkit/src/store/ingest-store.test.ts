import { FakeClock } from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import { IngestStore } from "./ingest-store.js";

const TLP_CLEAR = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
const ACME = { id: "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69", type: "identity", name: "ACME Corp" };
const EMOTET = {
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  type: "malware",
  name: "Emotet",
  created_by_ref: ACME.id,
  object_marking_refs: [TLP_CLEAR, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"],
};

function setup() {
  const clock = new FakeClock(Date.parse("2026-01-01T00:00:00.000Z"));
  return new IngestStore({ clock, seededIds: [TLP_CLEAR] });
}

describe("IngestStore", () => {
  it("stores objects by id with counts per type", () => {
    const store = setup();
    store.upsert(ACME, { connectorId: "c", workId: "w" });
    store.upsert(EMOTET, { connectorId: "c", workId: "w" });
    expect(store.countsByType()).toEqual({ identity: 1, malware: 1 });
    expect(store.get(ACME.id)).toMatchObject({ object: ACME, connectorId: "c", workId: "w", versions: 1 });
  });

  it("replaces an object ingested twice and counts its versions", () => {
    const store = setup();
    store.upsert(ACME, { connectorId: "c", workId: "w1" });
    store.upsert({ ...ACME, description: "v2" }, { connectorId: "c", workId: "w2" });
    expect(store.records()).toHaveLength(1);
    expect(store.get(ACME.id)).toMatchObject({ object: { description: "v2" }, workId: "w2", versions: 2 });
  });

  it("reports references to nothing stored, seeded markings excepted", () => {
    const store = setup();
    store.upsert(EMOTET, { connectorId: "c", workId: "w" });
    expect(store.danglingReferences()).toEqual([
      { from: EMOTET.id, path: "created_by_ref", ref: ACME.id },
      {
        from: EMOTET.id,
        path: "object_marking_refs[1]",
        ref: "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
      },
    ]);
    store.upsert(ACME, { connectorId: "c", workId: "w" });
    expect(store.danglingReferences()).toHaveLength(1);
  });

  it("filters records by type, connector and work", () => {
    const store = setup();
    store.upsert(ACME, { connectorId: "c1", workId: "w1" });
    store.upsert(EMOTET, { connectorId: "c2", workId: "w2" });
    expect(store.records({ type: "malware" }).map((r) => r.object.id)).toEqual([EMOTET.id]);
    expect(store.records({ connectorId: "c1" }).map((r) => r.object.id)).toEqual([ACME.id]);
    expect(store.records({ workId: "w2" }).map((r) => r.object.id)).toEqual([EMOTET.id]);
  });

  it("keeps a frozen copy, unaffected by later changes of the input", () => {
    const store = setup();
    const input = { ...ACME, aliases: ["A"] };
    store.upsert(input, { connectorId: null, workId: null });
    input.aliases.push("B");
    expect(store.get(ACME.id)?.object.aliases).toEqual(["A"]);
    expect(Object.isFrozen(store.get(ACME.id)?.object.aliases)).toBe(true);
  });
});
