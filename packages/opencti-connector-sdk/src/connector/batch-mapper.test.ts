import {
  defaultBuilders,
  type StixObject,
  StixValidationError,
  TLP_AMBER,
  TLP_GREEN,
  TLP_RED,
  withDefaults,
} from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { MappingError } from "../errors/mapping-error.js";
import { createMemoryLogger } from "../logging/logger.js";
import { BatchDefaults, mapBatch } from "./batch-mapper.js";

const author = defaultBuilders.identity({ name: "Acme", identity_class: "organization" });
const stix = withDefaults({ createdBy: author, markings: [TLP_GREEN], now: Date.parse("2026-01-01T00:00:00Z") });

interface Row {
  id: string;
  ip: string;
}

const toStix = (row: Row): StixObject | StixObject[] | undefined => {
  if (row.ip === "") throw new MappingError("no ip field", { recordId: row.id });
  if (row.ip === "-") return undefined;
  if (row.ip === "bad") throw new MappingError("unreadable");
  const ip = stix.ipv4Address({ value: row.ip });
  return [ip, stix.indicatorFor(ip)];
};

describe("mapBatch", () => {
  it("maps records, skips MappingErrors with their record id and counts filtered records", async () => {
    const rows: Row[] = [
      { id: "r1", ip: "198.51.100.1" },
      { id: "r2", ip: "" },
      { id: "r3", ip: "-" },
      { id: "r4", ip: "bad" },
    ];
    const mapped = await mapBatch(rows, 7, { toStix, recordId: (row) => row.id, validate: true });
    expect(mapped.objects.map((o) => o.type)).toEqual(["ipv4-addr", "indicator"]);
    expect(mapped.filtered).toBe(1);
    expect(mapped.skipped.map((s) => [s.recordId, s.error.message])).toEqual([
      ["r2", "no ip field"],
      ["r4", "unreadable"],
    ]);
  });

  it("stops at the object budget and says where to go on", async () => {
    const rows: Row[] = [
      { id: "r1", ip: "198.51.100.1" },
      { id: "r2", ip: "-" },
      { id: "r3", ip: "198.51.100.3" },
      { id: "r4", ip: "198.51.100.4" },
    ];
    const first = await mapBatch(rows, 1, { toStix, validate: false, maxObjects: 3 });
    expect([first.objects.length, first.filtered, first.next]).toEqual([4, 1, 3]);
    const rest = await mapBatch(rows, 1, { toStix, validate: false, maxObjects: 3, start: first.next });
    expect([rest.objects.length, rest.filtered, rest.next]).toEqual([2, 0, 4]);
  });

  it("names a skipped record by its position when no id is known", async () => {
    const mapped = await mapBatch([{ id: "x", ip: "bad" }], 3, { toStix, validate: false });
    expect(mapped.skipped[0]?.recordId).toBe("batch 3 record 1");
  });

  it("awaits asynchronous mappings and rethrows errors other than MappingError", async () => {
    const mapped = await mapBatch([1, 2], 1, {
      toStix: async (n) => stix.ipv4Address({ value: `10.0.0.${n}` }),
      validate: true,
    });
    expect(mapped.objects.map((o) => (o as { value?: string }).value)).toEqual(["10.0.0.1", "10.0.0.2"]);
    const bug = new TypeError("cannot read properties of undefined");
    await expect(
      mapBatch([1], 1, {
        toStix: () => {
          throw bug;
        },
        validate: true,
      }),
    ).rejects.toBe(bug);
  });

  it("returns an object several records produce once, and logs one DEBUG line for merged contents", async () => {
    const emotet = stix.malware({ name: "Emotet", is_family: true });
    const revised = withDefaults({ createdBy: author, now: Date.parse("2026-02-01T00:00:00Z") }).malware({
      name: "Emotet",
      is_family: true,
      description: "revised",
    });
    const logger = createMemoryLogger();
    const rows: Row[] = [
      { id: "r1", ip: "198.51.100.1" },
      { id: "r2", ip: "198.51.100.2" },
      { id: "r3", ip: "198.51.100.3" },
    ];
    const withMalware = (revisedFor: string) => (row: Row) => [
      ...(toStix(row) as StixObject[]),
      row.id === revisedFor ? revised : emotet,
    ];
    const exact = await mapBatch(rows, 4, { toStix: withMalware(""), validate: true, logger });
    expect(exact.objects.map((o) => o.type)).toEqual([
      "ipv4-addr",
      "indicator",
      "malware",
      "ipv4-addr",
      "indicator",
      "ipv4-addr",
      "indicator",
    ]);
    expect(exact.objects[2]).toBe(emotet);
    expect(logger.entries).toEqual([]);

    const merged = await mapBatch(rows, 5, { toStix: withMalware("r2"), validate: true, logger });
    expect(merged.objects.filter((o) => o.type === "malware")).toEqual([revised]);
    expect(merged.objects).toHaveLength(7);
    expect(logger.entries.map((e) => [e.level, e.message, e.attributes])).toEqual([
      [
        "debug",
        "Objects sharing an id with different contents merged: the latest modified is sent",
        { batch: 5, count: 1, ids: [emotet.id] },
      ],
    ]);
  });

  it("validates returned objects with their STIX schema when asked", async () => {
    const broken = { ...stix.ipv4Address({ value: "10.0.0.1" }), value: 42 } as unknown as StixObject;
    await expect(mapBatch([broken], 1, { toStix: (o) => o, validate: true })).rejects.toSatisfy((error) =>
      StixValidationError.isInstance(error),
    );
    await expect(mapBatch([broken], 1, { toStix: (o) => o, validate: false })).resolves.toMatchObject({
      objects: [broken],
    });
  });
});

describe("BatchDefaults", () => {
  it("puts the author, the default markings and referenced known markings first, without repeating them", () => {
    const defaults = new BatchDefaults(author, [TLP_GREEN], [TLP_GREEN, TLP_AMBER, TLP_RED]);
    const ip = stix.ipv4Address({ value: "198.51.100.1", object_marking_refs: [TLP_AMBER.id] });
    const other = stix.domainName({ value: "example.com" });
    const batch = defaults.apply([author, ip, TLP_GREEN, other]);
    expect(batch.map((o) => o.id)).toEqual([author.id, TLP_GREEN.id, TLP_AMBER.id, ip.id, other.id]);
    expect(defaults.apply([other]).map((o) => o.id)).toEqual([author.id, TLP_GREEN.id, other.id]);
  });
});
