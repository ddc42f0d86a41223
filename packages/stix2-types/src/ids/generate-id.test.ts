import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issuesOf } from "../../test/support/issues-of.js";
import { canonicalJson } from "./canonical-json.js";
import { contributingData, hasDeterministicId, type StixIdInput } from "./contributing-data.js";
import { generateId } from "./generate-id.js";
import { uuidV5 } from "./uuid-v5.js";

interface OwnVector {
  title: string;
  input: StixIdInput;
  data: Record<string, unknown>;
  id: string;
}

// Expected ids computed independently (Python uuid5, see test/fixtures/generate-own-id-vectors.py).
const ownVectors = JSON.parse(
  readFileSync(new URL("../../test/fixtures/own-id-vectors.json", import.meta.url), "utf8"),
) as OwnVector[];

describe("generateId on our own vectors (every type with a rule)", () => {
  it.each(ownVectors.map((v) => [v.title, v] as const))("%s", (_title, vector) => {
    expect(contributingData(vector.input)).toEqual(vector.data);
    expect(generateId(vector.input)).toBe(vector.id);
  });
});

describe("generateId: the spec's examples (§9.3, §9.4)", () => {
  it.each([
    [
      { type: "identity", name: "ACME Corp", identity_class: "organization" },
      "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69",
    ],
    [{ type: "malware", name: "Emotet" }, "malware--36297121-bf18-56e1-b200-d39c9f9f5cee"],
    [
      { type: "indicator", pattern: "[ipv4-addr:value = '1.2.3.4']" },
      "indicator--274128a4-2ad4-50b5-ae7b-b0dea1fa9861",
    ],
    [{ type: "ipv4-addr", value: "1.2.3.4" }, "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4"],
  ])("%j", (input, expected) => {
    expect(generateId(input)).toBe(expected);
  });
});

describe("generateId: platform vs pycti (spec §1), platform pinned", () => {
  it("label: value lower-cased and trimmed", () => {
    expect(generateId({ type: "label", value: "Malicious" })).toBe("label--cd0487f9-da15-527e-98b7-e4fe90ffef52");
    expect(`label--${uuidV5(canonicalJson({ value: "Malicious" }))}`).toBe(
      "label--6ac4cebd-938a-5e31-941f-b5bd77cd001e",
    );
  });

  it("statement marking: definition and type upper-cased", () => {
    const marking = {
      type: "marking-definition",
      definition_type: "statement",
      definition: { statement: "Copyright 2024" },
    };
    expect(generateId(marking)).toBe("marking-definition--ced14ea5-16ec-5763-b5b8-c3b63a4aea56");
    expect(uuidV5(canonicalJson({ definition: "Copyright 2024", definition_type: "statement" }))).toMatch(/^d77ecd6d-/);
  });

  it("administrative area: name only", () => {
    const lyon = { type: "location", name: "Lyon", x_opencti_location_type: "Administrative-Area" };
    expect(generateId(lyon)).toBe("location--2ad8a94d-39cc-508c-b8b6-367783f9ecfe");
    expect(uuidV5(canonicalJson({ name: "lyon", x_opencti_location_type: "Administrative-Area" }))).toBe(
      "947f7379-a13d-5ad2-bd57-01b1c482623b",
    );
  });

  it("indicator: the pattern is hashed as stored (the builder trims it first)", () => {
    expect(generateId({ type: "indicator", pattern: " [ipv4-addr:value = '1.2.3.4'] " })).not.toBe(
      "indicator--274128a4-2ad4-50b5-ae7b-b0dea1fa9861",
    );
  });

  it("report without published: name only", () => {
    expect(contributingData({ type: "report", name: "R" })).toEqual({ name: "r" });
  });

  it("feedback: name and created", () => {
    expect(contributingData({ type: "feedback", name: "F", created: "2024-01-01T00:00:00Z" })).toEqual({
      name: "f",
      created: "2024-01-01T00:00:00.000Z",
    });
  });

  it("grouping: context as stored", () => {
    expect(contributingData({ type: "grouping", name: "G", context: " Suspicious " })).toEqual({
      name: "g",
      context: " Suspicious ",
    });
  });

  it("malware-analysis: as stored, nulls dropped", () => {
    expect(contributingData({ type: "malware-analysis", product: "P", result_name: "Bad", submitted: null })).toEqual({
      product: "P",
      result_name: "Bad",
    });
  });

  it("observed-data: refs sorted", () => {
    expect(contributingData({ type: "observed-data", object_refs: ["b--1", "a--2"] })).toEqual({
      objects: ["a--2", "b--1"],
    });
  });

  it("dates: every accepted form hashes the same", () => {
    const ids = [
      "2022-11-25T19:00:05Z",
      "2022-11-25T19:00:05.000Z",
      "2022-11-25T20:00:05+01:00",
      "2022-11-25T19:00:05.0009Z",
    ].map((created) => generateId({ type: "note", content: "My note content!", created }));
    expect(new Set(ids)).toEqual(new Set(["note--10861e5c-049e-54f6-9736-81c106e39a0b"]));
  });
});

describe("generateId: TLP markings get the platform's static ids", () => {
  it.each([
    [{ definition_type: "tlp", definition: { tlp: "white" } }, "613f2e26-407d-48c7-9eca-b8e91df99dc9"],
    [{ definition_type: "tlp", definition: { tlp: "green" } }, "34098fce-860f-48ae-8e50-ebd3cc5e41da"],
    [{ definition_type: "tlp", definition: { tlp: "amber" } }, "f88d31f6-486f-44da-b317-01333bde0b82"],
    [{ definition_type: "tlp", definition: { tlp: "red" } }, "5e57c739-391a-4eb3-b6be-7d15ca92d5ed"],
    [{ x_opencti_definition_type: "TLP", x_opencti_definition: "TLP:CLEAR" }, "613f2e26-407d-48c7-9eca-b8e91df99dc9"],
    [{ x_opencti_definition_type: "TLP", x_opencti_definition: "TLP:WHITE" }, "613f2e26-407d-48c7-9eca-b8e91df99dc9"],
    [
      { x_opencti_definition_type: "tlp", x_opencti_definition: "tlp:amber+strict" },
      "826578e1-40ad-459f-bc73-ede076f81f37",
    ],
  ])("%j", (marking, uuid) => {
    expect(generateId({ type: "marking-definition", ...marking })).toBe(`marking-definition--${uuid}`);
  });

  it("PAP markings follow the UUIDv5 rule", () => {
    expect(
      generateId({ type: "marking-definition", x_opencti_definition_type: "PAP", x_opencti_definition: "PAP:CLEAR" }),
    ).toBe("marking-definition--4cdff7eb-acb8-543f-8573-829eb9fe8b34");
  });
});

describe("generateId: errors", () => {
  it("names the properties a type needs", () => {
    expect(issuesOf(() => generateId({ type: "malware" }))).toEqual([
      { path: "", message: "cannot compute the id of a malware: it needs name" },
    ]);
    expect(issuesOf(() => generateId({ type: "attack-pattern", description: "x" }))[0]?.message).toBe(
      "cannot compute the id of an attack-pattern: it needs x_mitre_id, or name",
    );
  });

  it("applies dependencies: a note's created needs content, an individual's class needs a name", () => {
    expect(() => generateId({ type: "note", content: "", created: "2024-01-01T00:00:00Z" })).toThrow(/needs content/);
    expect(() => generateId({ type: "identity", identity_class: "individual" })).toThrow(
      /needs name \+ identity_class/,
    );
    expect(() => generateId({ type: "external-reference", source_name: "cve" })).toThrow(/needs url, or source_name/);
    expect(() => generateId({ type: "process", pid: 4 })).toThrow(/needs pid \+ command_line/);
    // A failed dependency empties the whole way, as on the platform: one end alone hashes nothing.
    expect(() => generateId({ type: "relationship", relationship_type: "uses", source_ref: "malware--1" })).toThrow(
      /needs relationship_type \+ source_ref/,
    );
  });

  it("refuses a sighting with several targets", () => {
    expect(
      issuesOf(() => generateId({ type: "sighting", sighting_of_ref: "x--1", where_sighted_refs: ["a--1", "b--2"] })),
    ).toEqual([
      {
        path: "where_sighted_refs",
        message:
          "the platform identifies a sighting by a single target: emit one sighting per where_sighted_refs entry (sightingsPerTarget does it)",
      },
    ]);
  });

  it("refuses types without a rule and bad values", () => {
    expect(() => generateId({ type: "extension-definition", name: "x" })).toThrow(/has no deterministic id rule/);
    expect(issuesOf(() => generateId({ type: "report", name: "R", published: "yesterday" }))).toEqual([
      { path: "published", message: 'must be an RFC 3339 timestamp (got "yesterday")' },
    ]);
    expect(issuesOf(() => generateId({ type: "malware", name: 42 }))).toEqual([
      { path: "name", message: "must be a string (got number)" },
    ]);
    expect(
      issuesOf(() => generateId({ type: "location", name: "X", x_opencti_location_type: "Planet" }))[0]?.path,
    ).toBe("x_opencti_location_type");
    expect(issuesOf(() => generateId({ type: "threat-actor", name: "X", x_opencti_type: "Gang" }))[0]?.path).toBe(
      "x_opencti_type",
    );
    expect(issuesOf(() => generateId({} as StixIdInput))[0]?.path).toBe("type");
  });

  it("knows which types have a rule", () => {
    expect(hasDeterministicId("identity")).toBe(true);
    expect(hasDeterministicId("ipv4-addr")).toBe(true);
    expect(hasDeterministicId("language-content")).toBe(false);
    expect(hasDeterministicId("extension-definition")).toBe(false);
  });
});
