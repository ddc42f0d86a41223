/**
 * Golden tests of the splitter against the cases of pycti's own splitter tests.
 *
 * Provenance: the inputs reproduce the bundles of OpenCTI-Platform/client-python 6.8.10
 * `tests/data/{mono-bundle-entity,mono-bundle-relationship,bundle_with_internal_ids,missing_refs,cyclic-bundle}.json`
 * (`tests/01-unit/utils/test_opencti_stix2_splitter.py`): same ids, references, key order and duplicates, with
 * free-text fields shortened. The expected outputs were written by hand by walking the algorithm of spec §6.1
 * (pycti `split_bundle_with_expectations`) and agree with pycti 6.8.10 run on the original files: the same
 * expectations counts, order, `x_opencti_seq`, `nb_deps`, kept references and key order. The warnings are the
 * SDK's addition.
 */
import { describe, expect, it } from "vitest";
import { type SplitBundle, type StixObjectRecord, splitBundle } from "../../src/delivery/bundle-splitter.js";
import { ACME, EMOTET } from "./stix-fixtures.js";

const one = (id: string, seq: number, object: StixObjectRecord): SplitBundle => ({
  type: "bundle",
  id,
  spec_version: "2.1",
  x_opencti_seq: seq,
  objects: [object],
});

/** Asserts the split bundles field for field and key for key (JSON text, so key order counts). */
function expectBundles(actual: SplitBundle[], expected: SplitBundle[]) {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe("pycti mono-bundle-entity", () => {
  const BUNDLE_ID = "bundle--1f126d0c-356c-43af-88f8-7a3b695dee83";
  const marking = {
    id: "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168",
    created: "2017-06-01T00:00:00.000Z",
    created_by_ref: "fa42a846-8d90-4e51-bc29-71d5b4802168",
    definition: { statement: "Copyright 2015-2024, The MITRE Corporation." },
    definition_type: "statement",
    spec_version: "2.1",
    type: "marking-definition",
    x_mitre_attack_spec_version: "2.1.0",
    x_mitre_domains: ["enterprise-attack"],
  };
  const bundle = { id: BUNDLE_ID, objects: [marking], spec_version: "2.1", type: "bundle", x_opencti_seq: 1 };

  it("keeps a reference to an absent internal id (no `--`, always supported)", () => {
    const result = splitBundle(bundle);
    expect(result.expectations).toBe(1);
    expectBundles(result.bundles, [one(BUNDLE_ID, 1, { ...marking, nb_deps: 1 })]);
    expect(result.warnings).toEqual([]);
  });

  it("with cleanup, nulls the reference to the absent object and reports it", () => {
    const result = splitBundle(bundle, { cleanupInconsistentBundle: true });
    expect(result.expectations).toBe(1);
    expectBundles(result.bundles, [one(BUNDLE_ID, 1, { ...marking, created_by_ref: null, nb_deps: 1 })]);
    expect(result.warnings).toEqual([
      { objectId: marking.id, property: "created_by_ref", ref: marking.created_by_ref, reason: "missing_target" },
    ]);
  });
});

describe("pycti mono-bundle-relationship", () => {
  const BUNDLE_ID = "bundle--1f126d0c-356c-43af-88f8-7a3b695dee83";
  const relationship = {
    id: "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04",
    type: "relationship",
    relationship_type: "part-of",
    created_by_ref: "identity--not-available",
    source_ref: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3c",
    target_ref: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3d",
  };
  const bundle = { id: BUNDLE_ID, objects: [relationship], spec_version: "2.1", type: "bundle", x_opencti_seq: 1 };

  it("sends a relationship whose ends are outside the bundle (the platform resolves them)", () => {
    const result = splitBundle(bundle);
    expect(result.expectations).toBe(1);
    expectBundles(result.bundles, [one(BUNDLE_ID, 1, { ...relationship, nb_deps: 1 })]);
  });

  it("with cleanup, drops it (both ends removed) and says why", () => {
    const result = splitBundle(bundle, { cleanupInconsistentBundle: true });
    expect(result.expectations).toBe(0);
    expect(result.bundles).toEqual([]);
    expect(result.incompatible).toEqual([
      { ...relationship, created_by_ref: null, source_ref: null, target_ref: null, nb_deps: 1 },
    ]);
    expect(result.warnings).toEqual([
      {
        objectId: relationship.id,
        property: "source_ref",
        ref: relationship.source_ref,
        reason: "incompatible_object",
      },
    ]);
  });
});

describe("pycti bundle_with_internal_ids", () => {
  const BUNDLE_ID = "bundle--8c939929-688f-4a72-badb-3dd1bd6af0fa";
  const identity = {
    id: "identity--67ffc076-1fba-5164-9df5-b7523092931e",
    spec_version: "2.1",
    type: "identity",
    extensions: {
      "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba": {
        extension_type: "property-extension",
        id: "ced3e53e-9663-4c96-9c60-07d2e778d931",
        type: "Organization",
        created_at: "2024-09-26T17:36:32.107Z",
        updated_at: "2024-09-26T17:36:32.107Z",
        is_inferred: false,
        creator_ids: ["88ec0c6a-13ce-5e39-b486-354fe4a7084f"],
      },
    },
    created: "2024-09-26T17:36:32.107Z",
    modified: "2024-09-26T17:36:32.107Z",
    revoked: false,
    confidence: 100,
    lang: "en",
    name: "JRI",
    identity_class: "organization",
  };
  const malware1 = {
    id: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3c",
    type: "malware",
    name: "malware 01",
    created: "2019-09-30T16:38:26.000Z",
    modified: "2020-01-14T14:01:48.288Z",
    x_opencti_id: "82316ffd-a0ec-4519-a454-6566f8f5676c",
  };
  const malware2 = {
    id: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3d",
    type: "malware",
    name: "malware 02",
    created: "2019-09-30T16:38:26.000Z",
    modified: "2020-01-14T14:01:48.288Z",
  };
  const relationship = {
    id: "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04",
    type: "relationship",
    relationship_type: "part-of",
    created_by_ref: "ced3e53e-9663-4c96-9c60-07d2e778d931",
    source_ref: "82316ffd-a0ec-4519-a454-6566f8f5676c",
    target_ref: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3d",
  };
  const bundle = { type: "bundle", id: BUNDLE_ID, objects: [identity, malware1, malware2, relationship] };
  const expected = [
    one(BUNDLE_ID, 1, { ...identity, nb_deps: 1 }),
    one(BUNDLE_ID, 1, { ...malware1, nb_deps: 1 }),
    one(BUNDLE_ID, 1, { ...malware2, nb_deps: 1 }),
    // created_by (extension id) 1 + source (x_opencti_id) 1 + target 1 + itself.
    one(BUNDLE_ID, 4, { ...relationship, nb_deps: 4 }),
  ];

  it("resolves references by x_opencti_id and by the OpenCTI extension id", () => {
    const result = splitBundle(bundle);
    expect(result.expectations).toBe(4);
    expectBundles(result.bundles, expected);
    expect(result.warnings).toEqual([]);
  });

  it("with cleanup, keeps those references (their targets are present under their internal ids)", () => {
    const result = splitBundle(bundle, { cleanupInconsistentBundle: true });
    expect(result.expectations).toBe(4);
    expectBundles(result.bundles, expected);
  });
});

describe("pycti missing_refs", () => {
  const BUNDLE_ID = "bundle--8c939929-688f-4a72-badb-3dd1bd6af0fa";
  const malware1 = {
    id: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3c",
    type: "malware",
    name: "malware 01",
    created: "2019-09-30T16:38:26.000Z",
    modified: "2020-01-14T14:01:48.288Z",
  };
  const malware2 = { ...malware1, id: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3d", name: "malware 02" };
  const rel1 = {
    id: "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04",
    type: "relationship",
    relationship_type: "part-of",
    created_by_ref: "identity--not-available",
    source_ref: malware1.id,
    target_ref: malware2.id,
  };
  const rel2 = {
    ...rel1,
    id: "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea05",
    target_ref: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3e",
  };
  const bundle = { type: "bundle", id: BUNDLE_ID, objects: [malware1, malware2, rel1, rel2] };

  it("keeps references to absent objects; an absent target counts 0 so rel2 (2) sorts before rel1 (3)", () => {
    const result = splitBundle(bundle);
    expect(result.expectations).toBe(4);
    expectBundles(result.bundles, [
      one(BUNDLE_ID, 1, { ...malware1, nb_deps: 1 }),
      one(BUNDLE_ID, 1, { ...malware2, nb_deps: 1 }),
      one(BUNDLE_ID, 2, { ...rel2, nb_deps: 2 }),
      one(BUNDLE_ID, 3, { ...rel1, nb_deps: 3 }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("with cleanup, nulls the absent author and drops the relationship that lost its target", () => {
    const result = splitBundle(bundle, { cleanupInconsistentBundle: true });
    expect(result.expectations).toBe(3);
    expectBundles(result.bundles, [
      one(BUNDLE_ID, 1, { ...malware1, nb_deps: 1 }),
      one(BUNDLE_ID, 1, { ...malware2, nb_deps: 1 }),
      one(BUNDLE_ID, 3, { ...rel1, created_by_ref: null, nb_deps: 3 }),
    ]);
    expect(result.warnings).toEqual([
      { objectId: rel1.id, property: "created_by_ref", ref: "identity--not-available", reason: "missing_target" },
      { objectId: rel2.id, property: "target_ref", ref: rel2.target_ref, reason: "incompatible_object" },
    ]);
  });
});

describe("pycti cyclic-bundle", () => {
  const BUNDLE_ID = "bundle--8c939929-688f-4a72-badb-3dd1bd6af0fa";
  const MARKING_ID = "marking-definition--78ca4366-f5b8-4764-83f7-34ce38198e27";
  const ANSSI = "identity--7b82b010-b1c0-4dae-981f-7756374a17df";
  const R7 = "report--a445d22a-db0c-4b5d-9ec8-e9ad0b6dbdd7";
  const R8 = "report--a445d22a-db0c-4b5d-9ec8-e9ad0b6dbdd8";
  const R9 = "report--a445d22a-db0c-4b5d-9ec8-e9ad0b6dbdd9";
  const OBSERVED = "observed-data--7d258c31-9a26-4543-aecb-2abc5ed366be";
  const ATTACK = {
    source_name: "mitre-attack",
    external_id: "enterprise-attack",
    url: "https://attack.mitre.org/matrices/enterprise",
  };
  const marking = {
    id: MARKING_ID,
    type: "marking-definition",
    spec_version: "2.1",
    definition_type: "TLP",
    definition: { TLP: "TLP:TEST" },
    created: "2020-02-25T09:02:29.040Z",
    modified: "2020-02-25T09:02:29.040Z",
    created_by_ref: MARKING_ID,
  };
  const asset = {
    id: "x-mitre-asset--0804f037-a3b9-4715-98e1-9f73d19d6945",
    type: "x-mitre-asset",
    name: "Virtual Private Network (VPN) Server",
  };
  const malware = {
    id: "malware--faa5b705-cf44-4e50-8472-29e5fec43c3c",
    type: "malware",
    spec_version: "2.1",
    name: "Paradise Ransomware",
    labels: ["malware"],
    description: "A Paradise Ransomware variant.",
    created: "2019-09-30T16:38:26.000Z",
    modified: "2020-01-14T14:01:48.288Z",
    kill_chain_phases: [{ kill_chain_name: "mitre-attack", phase_name: "persistence", x_opencti_order: 20 }],
  };
  const relationship = {
    id: "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04",
    type: "relationship",
    spec_version: "2.1",
    relationship_type: "part-of",
    description: "Sector Information Technologies Consulting is a subsector of Consulting",
    source_ref: asset.id,
    target_ref: "identity--5556c4ab-3e5e-4d56-8410-60b29cecbeb6",
    created: "2020-02-23T23:40:53.582Z",
    modified: "2020-02-23T23:40:53.582Z",
    start_time: "1900-05-01T00:00:00.000Z",
    stop_time: "1900-05-01T00:00:00.000Z",
  };
  const report = (id: string, name: string, objectRefs: string[], references: object[]) => ({
    id,
    type: "report",
    spec_version: "2.1",
    name,
    labels: ["report"],
    description: "Report for testing purposes (random data).",
    published: "2020-03-01T14:02:48.111Z",
    created: "2020-03-01T14:02:55.327Z",
    modified: "2020-03-01T14:09:48.078Z",
    report_types: ["threat-report"],
    x_opencti_report_status: 2,
    confidence: 3,
    created_by_ref: ANSSI,
    object_marking_refs: [MARKING_ID],
    object_refs: objectRefs,
    ...(references.length > 0 ? { external_references: references } : {}),
  });
  const report7 = report(R7, "A demo report for testing purposes", [OBSERVED, R7, R8], [ATTACK, ATTACK, ATTACK]);
  const report8 = report(R8, "A cyclic report", [R7, R9], [ATTACK]);
  const report9 = report(R9, "A cyclic report", [R7], []);
  const anssi = {
    id: ANSSI,
    type: "identity",
    spec_version: "2.1",
    name: "ANSSI",
    identity_class: "organization",
    labels: ["identity"],
    created: "2020-02-23T23:40:53.575Z",
    modified: "2020-02-27T08:45:39.351Z",
    x_opencti_organization_type: "CSIRT",
    created_by_ref: ANSSI,
  };
  const bundle = {
    type: "bundle",
    id: BUNDLE_ID,
    objects: [marking, { ...marking }, asset, malware, relationship, report7, report8, report9, anssi],
  };

  // Walk: report7 → anssi (1), marking (1), observed-data (absent, 0), report7 (self: removed), report8 → report7
  // (back-reference: removed), report9 → report7 (a cycle through the object being walked: report7 is walked
  // again with what it kept so far, giving 3). report9 = 1 + 1 + 1 + 3 = 6, report8 = 1 + 1 + 1 + 6 = 9,
  // report7 = 1 + 1 + 1 + 0 + 9 = 12.
  const expected = (report7Refs: string[]) => [
    one(BUNDLE_ID, 1, { ...marking, created_by_ref: null, nb_deps: 1 }),
    one(BUNDLE_ID, 1, { ...malware, nb_deps: 1 }),
    one(BUNDLE_ID, 1, { ...anssi, created_by_ref: null, nb_deps: 1 }),
    one(BUNDLE_ID, 6, { ...report9, nb_deps: 6 }),
    one(BUNDLE_ID, 9, { ...report8, object_refs: [R9], nb_deps: 9 }),
    one(BUNDLE_ID, 12, { ...report7, object_refs: report7Refs, external_references: [ATTACK], nb_deps: 12 }),
  ];

  it("breaks cycles, removes self references and duplicates, drops unsupported objects, and says so", () => {
    const result = splitBundle(bundle);
    expect(result.expectations).toBe(6);
    expectBundles(result.bundles, expected([OBSERVED, R8]));
    expect(result.warnings).toEqual([
      { objectId: MARKING_ID, property: "id", reason: "duplicate_object" },
      { objectId: MARKING_ID, property: "created_by_ref", ref: MARKING_ID, reason: "self_reference" },
      { objectId: asset.id, property: "id", reason: "incompatible_object" },
      { objectId: relationship.id, property: "source_ref", ref: asset.id, reason: "incompatible_object" },
      { objectId: R7, property: "object_refs", ref: R7, reason: "self_reference" },
      { objectId: R7, property: "external_references", ref: ATTACK.url, reason: "duplicate_external_reference" },
      { objectId: R7, property: "external_references", ref: ATTACK.url, reason: "duplicate_external_reference" },
      { objectId: R8, property: "object_refs", ref: R7, reason: "back_reference" },
      { objectId: ANSSI, property: "created_by_ref", ref: ANSSI, reason: "self_reference" },
    ]);
  });

  it("with cleanup, also removes the reference to the absent observed-data", () => {
    const result = splitBundle(bundle, { cleanupInconsistentBundle: true });
    expect(result.expectations).toBe(6);
    expectBundles(result.bundles, expected([R8]));
    expect(result.warnings).toContainEqual({
      objectId: R7,
      property: "object_refs",
      ref: OBSERVED,
      reason: "missing_target",
    });
  });
});

describe("spec §6.1 example", () => {
  it("ACME first (seq 1), Emotet second (seq 2, nb_deps 2); the absent TLP:AMBER ref survives", () => {
    const [acme, emotet] = [ACME, EMOTET];
    const result = splitBundle({ type: "bundle", id: "bundle--example", objects: [emotet, acme] });
    expect(result.expectations).toBe(2);
    expectBundles(result.bundles, [
      one("bundle--example", 1, { ...acme, nb_deps: 1 }),
      one("bundle--example", 2, { ...emotet, nb_deps: 2 }),
    ]);
  });
});
