import { defaultBuilders, generateId, TLP_AMBER } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { BundleValidator, validateBundle } from "./bundle-validator.js";

const NOW = "2026-01-15T10:00:00.000Z";
const author = defaultBuilders.identity({ name: "ACME Corp", identity_class: "organization", created: NOW });
const malware = {
  ...defaultBuilders.malware({ name: "Emotet", is_family: true, created: NOW }),
  created_by_ref: author.id,
};
const WRONG_MALWARE_ID = "malware--00000000-0000-4000-8000-000000000001";
const MISSING = "identity--11111111-1111-4111-8111-111111111111";

function bundle(objects: unknown[]) {
  return { type: "bundle", id: "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90", objects };
}

describe("validateBundle", () => {
  it("finds nothing in a bundle built with the SDK's builders", () => {
    const uses = defaultBuilders.relationship({
      relationship_type: "uses",
      source_ref: malware.id,
      target_ref: author.id,
      created: NOW,
    });
    const report = validateBundle(bundle([author, malware, uses, TLP_AMBER]));
    expect(report).toEqual({ valid: true, objectCount: 4, problems: [] });
  });

  it("lists a bad timestamp, a wrong id and a dangling reference with their JSON paths", () => {
    const note = {
      ...defaultBuilders.note({ content: "Seen", object_refs: [author.id], created: NOW }),
      created: "yesterday",
    };
    const report = validateBundle(
      bundle([author, { ...malware, id: WRONG_MALWARE_ID }, note, { ...malware, created_by_ref: MISSING }]),
    );
    expect(report.valid).toBe(false);
    expect(report.objectCount).toBe(4);
    expect(report.problems).toEqual([
      {
        kind: "wrong_id",
        path: "objects[1].id",
        index: 1,
        objectId: WRONG_MALWARE_ID,
        expectedId: malware.id,
        message: `${WRONG_MALWARE_ID} is not the platform's deterministic id ${malware.id}`,
      },
      {
        kind: "invalid",
        path: "objects[2].created",
        index: 2,
        objectId: note.id,
        message: expect.stringMatching(/timestamp/),
      },
      {
        kind: "dangling_ref",
        path: "objects[3].created_by_ref",
        index: 3,
        objectId: malware.id,
        ref: MISSING,
        message: `${MISSING} is neither in the bundle nor seeded by the platform`,
      },
    ]);
  });

  it("computes a relationship's id from its ends' deterministic ids, whatever their order in the bundle", () => {
    const source = { ...malware, id: WRONG_MALWARE_ID };
    const fields = { relationship_type: "uses", target_ref: author.id, created: NOW, modified: NOW };
    const expected = generateId({ type: "relationship", ...fields, source_ref: malware.id });
    const relationship = {
      type: "relationship",
      spec_version: "2.1",
      id: expected,
      ...fields,
      source_ref: WRONG_MALWARE_ID,
    };
    for (const objects of [
      [author, source, relationship],
      [relationship, source, author],
    ]) {
      const problems = validateBundle(bundle(objects)).problems;
      expect(problems.map((p) => [p.kind, p.objectId])).toEqual([["wrong_id", WRONG_MALWARE_ID]]);
    }
    const wrong = {
      ...relationship,
      id: generateId({ type: "relationship", ...fields, source_ref: WRONG_MALWARE_ID }),
    };
    const problems = validateBundle(bundle([wrong, source, author])).problems;
    expect(problems.map((p) => [p.kind, p.path, p.expectedId])).toEqual([
      ["wrong_id", "objects[0].id", expected],
      ["wrong_id", "objects[1].id", malware.id],
    ]);
  });

  it("knows the platform's seeded markings and the ids given as known, not other absent ones", () => {
    const marked = {
      ...malware,
      object_marking_refs: [TLP_AMBER.id, "marking-definition--22222222-2222-4222-8222-222222222222"],
    };
    expect(validateBundle(bundle([author, marked])).problems.map((p) => p.path)).toEqual([
      "objects[1].object_marking_refs[1]",
    ]);
    const known = validateBundle(bundle([author, marked]), {
      known: ["marking-definition--22222222-2222-4222-8222-222222222222"],
    });
    expect(known.valid).toBe(true);
  });

  it("reports an object whose id the platform cannot compute", () => {
    const sighting = {
      ...defaultBuilders.sighting({ sighting_of_ref: malware.id, where_sighted_refs: [author.id], created: NOW }),
    };
    const twoTargets = {
      ...sighting,
      where_sighted_refs: [author.id, "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29"],
    };
    const [problem] = validateBundle(bundle([author, malware, twoTargets])).problems.filter(
      (p) => p.kind === "wrong_id",
    );
    expect(problem).toMatchObject({ path: "objects[2].id", objectId: sighting.id });
    expect(problem?.message).toMatch(
      /^the platform cannot compute a deterministic id for this object: where_sighted_refs: /,
    );
  });

  it("checks the envelope and reports a value that is not a bundle", () => {
    expect(validateBundle({ type: "report", objects: [] }).problems.map((p) => p.path)).toEqual(["type", "id"]);
    expect(validateBundle({ ...bundle([]), objects: {} }).problems).toEqual([
      { kind: "invalid", path: "objects", message: "must be an array of STIX objects" },
    ]);
    expect(validateBundle("nope")).toEqual({
      valid: false,
      objectCount: 0,
      problems: [
        {
          kind: "invalid",
          path: "",
          message: 'must be a STIX bundle (a JSON object with "type": "bundle" and "objects")',
        },
      ],
    });
  });

  it("is the same whether objects are added one by one or the bundle is given whole", () => {
    const objects = [{ ...malware, created_by_ref: MISSING }, author, { oops: true }];
    const validator = new BundleValidator();
    objects.forEach((object, index) => {
      validator.add(object, index);
    });
    const { objects: _objects, ...envelope } = bundle(objects);
    expect(validator.finish(envelope)).toEqual(validateBundle(bundle(objects)));
    expect(validateBundle(bundle(objects)).problems.map((p) => [p.kind, p.path])).toEqual([
      ["dangling_ref", "objects[0].created_by_ref"],
      ["invalid", "objects[2].type"],
    ]);
  });
});
