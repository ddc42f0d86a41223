import { defaultBuilders, TLP_AMBER, TLP_GREEN, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { BundleLinter, lintBundle } from "./bundle-linter.js";

const NOW = "2026-01-15T10:00:00.000Z";
const author = defaultBuilders.identity({ name: "ACME Corp", identity_class: "organization", created: NOW });
const stix = withDefaults({ createdBy: author, markings: [TLP_GREEN], now: () => Date.parse(NOW) });

/** What a connector built on the SDK sends: author and markings first, objects from the bound builders. */
function connectorBatch() {
  const ip = stix.ipv4Address({ value: "198.51.100.7" });
  const indicator = stix.indicatorFor(ip, { valid_from: NOW });
  const basedOn = stix.relationship({ relationship_type: "based-on", source_ref: indicator.id, target_ref: ip.id });
  const malware = stix.malware({ name: "Emotet", is_family: true });
  const indicates = stix.relationship({
    relationship_type: "indicates",
    source_ref: indicator.id,
    target_ref: malware.id,
  });
  const sector = stix.identity({ name: "Energy", identity_class: "class" });
  return [author, TLP_GREEN, ip, indicator, basedOn, malware, indicates, sector];
}

const bundle = (objects: unknown[]) => ({
  type: "bundle",
  id: "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90",
  objects,
});

describe("lintBundle", () => {
  it("passes the output of the SDK's builders with an author and markings bound", () => {
    expect(lintBundle(bundle(connectorBatch()))).toEqual({ passed: true, objectCount: 8, findings: [] });
  });

  it("fails objects without an author, without markings, with absent targets, or with random ids", () => {
    const [, , ip, indicator, , malware] = connectorBatch() as Record<string, unknown>[];
    const { created_by_ref: _author, ...anonymous } = malware as Record<string, unknown>;
    const { object_marking_refs: _markings, ...unmarked } = indicator as Record<string, unknown>;
    const foreign = {
      ...(ip as Record<string, unknown>),
      x_opencti_created_by_ref: "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29",
    };
    const amber = {
      ...anonymous,
      created_by_ref: TLP_GREEN.id,
      object_marking_refs: [TLP_AMBER.id],
      id: "malware--00000000-0000-4000-8000-000000000001",
    };
    const report = lintBundle(bundle([author, TLP_GREEN, anonymous, unmarked, foreign, amber]));
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => [f.kind, f.path, f.ref ?? f.expectedId])).toEqual([
      ["missing_author", "objects[2].created_by_ref", undefined],
      ["missing_markings", "objects[3].object_marking_refs", undefined],
      ["unknown_author", "objects[4].x_opencti_created_by_ref", "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29"],
      ["wrong_id", "objects[5].id", (malware as { id: string }).id],
      ["unknown_author", "objects[5].created_by_ref", TLP_GREEN.id],
      ["unknown_marking", "objects[5].object_marking_refs[0]", TLP_AMBER.id],
    ]);
    expect(report.findings.map((f) => f.message)).toEqual([
      "has no author: every SDO and SRO needs created_by_ref naming an identity of the bundle",
      "has no markings: every object needs object_marking_refs naming marking definitions of the bundle",
      "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29 is not in the bundle: ship an identity with the objects",
      `malware--00000000-0000-4000-8000-000000000001 is not the platform's deterministic id ${(malware as { id: string }).id}`,
      `${TLP_GREEN.id} is a marking-definition, not an identity`,
      `${TLP_AMBER.id} is not in the bundle: ship a marking definition with the objects`,
    ]);
  });

  it("exempts the author identity and marking definitions, but not other identities", () => {
    const bare = defaultBuilders.identity({ name: "Unmarked", identity_class: "organization", created: NOW });
    const report = lintBundle(bundle([author, TLP_GREEN, stix.malware({ name: "Emotet", is_family: true }), bare]));
    expect(report.findings.map((f) => [f.kind, f.path])).toEqual([
      ["missing_author", "objects[3].created_by_ref"],
      ["missing_markings", "objects[3].object_marking_refs"],
    ]);
  });

  it("resolves references to objects that come later in the bundle", () => {
    const objects = connectorBatch().reverse();
    expect(lintBundle(bundle(objects)).passed).toBe(true);
    const linter = new BundleLinter();
    objects.forEach((object, index) => {
      linter.add(object, index);
    });
    expect(linter.finish()).toEqual(lintBundle(bundle(objects)));
  });

  it("with foreignIds, accepts the ids a passthrough forwards, still requiring an author and markings", () => {
    // A sector and its relationship as a foreign producer publishes them: random ids, references between them.
    const sector = {
      ...stix.identity({ name: "Energy", identity_class: "class" }),
      id: "identity--0b5c2a4e-9a4e-4c2b-8d8e-6f4a8a1d7e01",
    };
    const company = {
      ...stix.identity({ name: "ACME Energy", identity_class: "organization" }),
      id: "identity--ecacca66-1a61-4457-b29d-8b2d8f50d504",
    };
    const partOf = {
      ...stix.relationship({ relationship_type: "part-of", source_ref: company.id, target_ref: sector.id }),
      id: "relationship--14c2fc4d-bf44-408a-8e9d-8315670dac85",
    };
    const forwarded = bundle([author, TLP_GREEN, sector, company, partOf]);
    expect(lintBundle(forwarded, { foreignIds: true })).toEqual({ passed: true, objectCount: 5, findings: [] });
    expect(lintBundle(forwarded).findings.map((f) => [f.kind, f.objectId])).toEqual([
      ["wrong_id", sector.id],
      ["wrong_id", company.id],
      ["wrong_id", partOf.id],
    ]);

    const { created_by_ref: _author, ...anonymous } = sector;
    const { object_marking_refs: _markings, ...unmarked } = partOf;
    const linter = new BundleLinter({ foreignIds: true });
    [author, TLP_GREEN, anonymous, company, unmarked].forEach((object, index) => {
      linter.add(object, index);
    });
    expect(linter.finish().findings.map((f) => [f.kind, f.path])).toEqual([
      ["missing_author", "objects[2].created_by_ref"],
      ["missing_markings", "objects[4].object_marking_refs"],
    ]);
  });

  it("reports values that are not bundles or objects", () => {
    expect(lintBundle({ type: "bundle" }).findings).toEqual([
      {
        kind: "invalid",
        path: "",
        message: 'must be a STIX bundle (a JSON object with "type": "bundle" and an "objects" array)',
      },
    ]);
    expect(lintBundle(bundle([42])).findings).toEqual([
      { kind: "invalid", path: "objects[0]", index: 0, message: "is not a STIX object" },
    ]);
  });
});
