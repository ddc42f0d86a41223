import { lintBundle, MappingError } from "@org/opencti-connector-sdk";
import { defaultBuilders, TLP_AMBER, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import sample from "../fixtures/sample-feed.json" with { type: "json" };
import { sourceRecordSchema } from "./client.js";
import { mapRecord, SOURCE_NAME } from "./mapping.js";

/** An author of its own, so the golden file does not depend on the connector's name. */
const AUTHOR = defaultBuilders.identity({
  name: "Golden Test Author",
  identity_class: "organization",
  created: "2026-01-01T00:00:00.000Z",
});
const stix = withDefaults({ createdBy: AUTHOR, markings: [TLP_AMBER], now: Date.parse("2026-02-01T00:00:00.000Z") });
const records = sample.records.map((record) => sourceRecordSchema.parse(record));
const first = records[0] as (typeof records)[number];

describe("mapRecord", () => {
  it("maps the whole sample feed to the golden objects", async () => {
    const objects = records.flatMap((record) => mapRecord(record, stix));
    await expect(`${JSON.stringify(objects, null, 2)}\n`).toMatchFileSnapshot(
      "../fixtures/golden/sample-feed.stix.json",
    );
  });

  it("gives bundles that pass the SDK's lint: authored, marked, deterministic ids, no dangling reference", () => {
    const objects = records.flatMap((record) => mapRecord(record, stix));
    const bundle = {
      type: "bundle",
      id: "bundle--6f1c9b5e-3d2a-4c8b-9e7f-0a1b2c3d4e5f",
      objects: [AUTHOR, TLP_AMBER, ...objects],
    };
    expect(lintBundle(bundle)).toEqual({ passed: true, objectCount: objects.length + 2, findings: [] });
  });

  it("maps a record with a malware family to an observable, an indicator, a malware and two relationships", () => {
    const [observable, indicator, basedOn, malware, indicates, ...rest] = mapRecord(first, stix);
    expect(rest).toEqual([]);
    expect(observable).toEqual({
      type: "ipv4-addr",
      spec_version: "2.1",
      // UUIDv5 of {"value":"198.51.100.7"} in the STIX namespace 00abedb4-aa42-466c-9c01-fed23315a9b7.
      id: "ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db",
      value: "198.51.100.7",
      x_opencti_score: 80,
      x_opencti_description: "Emotet command-and-control server",
      x_opencti_created_by_ref: AUTHOR.id,
      object_marking_refs: [TLP_AMBER.id],
    });
    expect(indicator).toMatchObject({
      type: "indicator",
      name: "198.51.100.7",
      pattern: "[ipv4-addr:value = '198.51.100.7']",
      pattern_type: "stix",
      x_opencti_main_observable_type: "IPv4-Addr",
      valid_from: "2026-01-05T08:00:00.000Z",
      valid_until: "2026-04-05T08:00:00.000Z",
      created: "2026-01-05T08:00:00.000Z",
      modified: "2026-01-05T08:00:00.000Z",
      confidence: 80,
      labels: ["botnet", "c2"],
      created_by_ref: AUTHOR.id,
      object_marking_refs: [TLP_AMBER.id],
      external_references: [
        { source_name: SOURCE_NAME, external_id: "TPL-0001", url: "https://feed.example.com/indicators/TPL-0001" },
      ],
    });
    expect(basedOn).toMatchObject({
      relationship_type: "based-on",
      source_ref: indicator?.id,
      target_ref: observable?.id,
    });
    expect(malware).toMatchObject({ type: "malware", name: "Emotet", is_family: true, created_by_ref: AUTHOR.id });
    expect(indicates).toMatchObject({
      relationship_type: "indicates",
      source_ref: indicator?.id,
      target_ref: malware?.id,
    });
  });

  it("gives the same ids whatever the clock, so a record sent twice updates the same objects", () => {
    const later = withDefaults({ createdBy: AUTHOR, markings: [TLP_AMBER], now: Date.parse("2027-06-01T00:00:00Z") });
    const ids = (objects: { id: string }[]) => objects.map((object) => object.id);
    expect(ids(mapRecord(first, later))).toEqual(ids(mapRecord(first, stix)));
  });

  it("maps a record without a malware family to the observable, the indicator and based-on only", () => {
    const record = records.find((r) => r.id === "TPL-0006");
    expect(mapRecord(record as typeof first, stix).map((object) => object.type)).toEqual([
      "ipv6-addr",
      "indicator",
      "relationship",
    ]);
  });

  it("lower-cases domains and file hashes, whose ids are case-sensitive", () => {
    const domain = mapRecord({ ...first, kind: "domain", value: "Update-Check.EXAMPLE.net", malware: null }, stix);
    expect(domain[0]).toMatchObject({ type: "domain-name", value: "update-check.example.net" });
    const file = mapRecord({ ...first, kind: "sha256", value: "AB".repeat(32), malware: null }, stix);
    expect(file[0]).toMatchObject({ type: "file", hashes: { "SHA-256": "ab".repeat(32) } });
  });

  it("skips a record with missing or invalid fields with a MappingError naming each field", () => {
    const record = { ...first, kind: "email", confidence: 150, first_seen: undefined };
    const error = (() => {
      try {
        mapRecord(record, stix);
      } catch (caught) {
        return caught;
      }
    })();
    expect(MappingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ recordId: "TPL-0001" });
    expect((error as Error).message).toMatch(/^Invalid record: kind: .+; confidence: .+; first_seen: .+$/);
  });

  it("skips a record the STIX builders refuse (valid_until before first_seen) with a MappingError", () => {
    const record = { ...first, valid_until: "2025-01-01T00:00:00Z" };
    expect(() => mapRecord(record, stix)).toThrow(
      expect.objectContaining({ name: "MappingError", recordId: "TPL-0001" }),
    );
  });
});
