import { describe, expect, it } from "vitest";
import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import { OPENCTI_EXTENSION_ID, splitBundle } from "./bundle-splitter.js";

const malware = (id: string, extra: Record<string, unknown> = {}) => ({ type: "malware", id, name: id, ...extra });
const ids = (result: ReturnType<typeof splitBundle>) => result.bundles.map((b) => b.objects[0].id);

describe("splitBundle", () => {
  it("does not modify its input", () => {
    const objects = [
      malware("malware--a", {
        object_refs: ["malware--b", "malware--b", "x-mitre-asset--z"],
        created_by_ref: "malware--a",
      }),
      malware("malware--b"),
    ];
    const before = structuredClone(objects);
    splitBundle({ type: "bundle", id: "bundle--1", objects }, { cleanupInconsistentBundle: true });
    expect(objects).toEqual(before);
  });

  it("gives a bundle without id a generated one, carried by every split bundle", () => {
    const generated = splitBundle({ objects: [malware("malware--a")] });
    expect(generated.bundleId).toMatch(/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generated.bundles[0]?.id).toBe(generated.bundleId);
    const chosen = splitBundle({ objects: [malware("malware--a")] }, { generateBundleId: () => "bundle--fixed" });
    expect(chosen.bundleId).toBe("bundle--fixed");
  });

  it("writes x_opencti_event_version after objects when given", () => {
    const result = splitBundle({ id: "bundle--1", objects: [malware("malware--a")] }, { eventVersion: "4" });
    expect(JSON.stringify(result.bundles[0])).toBe(
      '{"type":"bundle","id":"bundle--1","spec_version":"2.1","x_opencti_seq":1,' +
        '"objects":[{"type":"malware","id":"malware--a","name":"malware--a","nb_deps":1}],"x_opencti_event_version":"4"}',
    );
  });

  it("keeps an existing nb_deps key in place and overwrites its value", () => {
    const result = splitBundle({ id: "bundle--1", objects: [{ type: "malware", nb_deps: 9, id: "malware--a" }] });
    expect(JSON.stringify(result.bundles[0]?.objects[0])).toBe('{"type":"malware","nb_deps":1,"id":"malware--a"}');
  });

  it("rejects a bundle without objects and objects without string id or type, naming the field", () => {
    const attempt = (bundle: unknown) => () => splitBundle(bundle as { objects: unknown[] });
    expect(attempt({ id: "bundle--1" })).toThrow(InvalidBundleError);
    expect(attempt({ id: "bundle--1" })).toThrow("objects: a bundle needs an `objects` array");
    expect(attempt({ objects: [malware("malware--a"), "x"] })).toThrow(
      "objects[1]: every object must be a JSON object",
    );
    expect(attempt({ objects: [{ type: "malware" }] })).toThrow("objects[0].id: every object needs a non-empty string");
    expect(attempt({ objects: [{ id: "malware--a" }] })).toThrow("objects[0].type: every object needs a `type`");
  });

  it("counts a repeated _refs entry twice in nb_deps but keeps it once, and reports the duplicate", () => {
    const result = splitBundle({
      id: "bundle--1",
      objects: [malware("malware--b"), malware("malware--a", { object_refs: ["malware--b", "malware--b"] })],
    });
    expect(result.bundles[1]?.objects[0]).toEqual(malware("malware--a", { object_refs: ["malware--b"], nb_deps: 3 }));
    expect(result.warnings).toEqual([
      { objectId: "malware--a", property: "object_refs", ref: "malware--b", reason: "duplicate_reference" },
    ]);
  });

  it("removes references to unsupported types and non-string references, nulling a _ref", () => {
    const result = splitBundle({
      id: "bundle--1",
      objects: [
        malware("malware--a", {
          object_refs: ["x-mitre-asset--1", 42, "internal-id"],
          created_by_ref: "x-mitre-asset--2",
          sample_ref: { id: "malware--b" },
        }),
      ],
    });
    expect(result.bundles[0]?.objects[0]).toEqual(
      malware("malware--a", { object_refs: ["internal-id"], created_by_ref: null, sample_ref: null, nb_deps: 1 }),
    );
    expect(result.warnings).toEqual([
      { objectId: "malware--a", property: "object_refs", ref: "x-mitre-asset--1", reason: "unsupported_type" },
      { objectId: "malware--a", property: "object_refs", ref: "42", reason: "invalid_reference" },
      { objectId: "malware--a", property: "created_by_ref", ref: "x-mitre-asset--2", reason: "unsupported_type" },
      { objectId: "malware--a", property: "sample_ref", ref: "[object Object]", reason: "invalid_reference" },
    ]);
  });

  it("drops external references without an id and de-duplicates them and kill-chain phases", () => {
    const result = splitBundle({
      id: "bundle--1",
      objects: [
        malware("malware--a", {
          external_references: [
            { source_name: "cve", external_id: "CVE-1" },
            { external_id: "CVE-2" },
            { source_name: "cve", external_id: "CVE-1", description: "same id" },
            { url: "https://e.x/1", source_name: "other" },
            { url: "https://e.x/1" },
            { url: "", source_name: "nvd", external_id: "CVE-3" },
          ],
          kill_chain_phases: [
            { kill_chain_name: "k", phase_name: "p" },
            { kill_chain_name: "k", phase_name: "p", x_opencti_order: 1 },
            { kill_chain_name: "k", phase_name: "q" },
          ],
        }),
      ],
    });
    const object = result.bundles[0]?.objects[0];
    expect(object?.external_references).toEqual([
      { source_name: "cve", external_id: "CVE-1" },
      { url: "https://e.x/1", source_name: "other" },
      { url: "", source_name: "nvd", external_id: "CVE-3" },
    ]);
    expect(object?.kill_chain_phases).toEqual([
      { kill_chain_name: "k", phase_name: "p" },
      { kill_chain_name: "k", phase_name: "q" },
    ]);
    expect(result.warnings.map((w) => [w.property, w.ref, w.reason])).toEqual([
      ["external_references", ":CVE-2", "invalid_external_reference"],
      ["external_references", "cve:CVE-1", "duplicate_external_reference"],
      ["external_references", "https://e.x/1", "duplicate_external_reference"],
      ["kill_chain_phases", "k:p", "duplicate_kill_chain_phase"],
    ]);
  });

  it("sends a sighting only with sighting_of_ref and at least one where_sighted_refs", () => {
    const result = splitBundle({
      id: "bundle--1",
      objects: [
        { type: "sighting", id: "sighting--ok", sighting_of_ref: "malware--a", where_sighted_refs: ["identity--b"] },
        { type: "sighting", id: "sighting--empty", sighting_of_ref: "malware--a", where_sighted_refs: [] },
        { type: "sighting", id: "sighting--of", where_sighted_refs: ["identity--b"] },
      ],
    });
    expect(ids(result)).toEqual(["sighting--ok"]);
    expect(result.warnings).toEqual([
      { objectId: "sighting--empty", property: "where_sighted_refs", reason: "incompatible_object" },
      { objectId: "sighting--of", property: "sighting_of_ref", reason: "incompatible_object" },
    ]);
  });

  it("lets the last of two objects with the same id win and reports the first", () => {
    const result = splitBundle({
      id: "bundle--1",
      objects: [malware("malware--a", { name: "first" }), malware("malware--a", { name: "second" })],
    });
    expect(result.bundles.map((b) => b.objects[0].name)).toEqual(["second"]);
    expect(result.warnings).toEqual([{ objectId: "malware--a", property: "id", reason: "duplicate_object" }]);
  });

  it("sends an object twice when it is first reached through its internal id, as pycti does", () => {
    // pycti memoises a visit under the id it was reached by, so the bundle-order visit under the STIX id walks
    // the object again and lists it a second time (the worker then imports it twice; counts stay consistent).
    const target = malware("malware--t", {
      extensions: { [OPENCTI_EXTENSION_ID]: { id: "5e0b5a4c-1f0e-4a44-9a59-5a0d6c5c2a11" } },
    });
    const source = malware("malware--s", { object_refs: ["5e0b5a4c-1f0e-4a44-9a59-5a0d6c5c2a11"] });
    const result = splitBundle({ id: "bundle--1", objects: [source, target] });
    expect(ids(result)).toEqual(["malware--t", "malware--t", "malware--s"]);
    expect(result.expectations).toBe(3);
    expect(result.warnings).toEqual([]);
  });

  it("handles long reference lists (set-based de-duplication and back-reference test)", () => {
    const members = Array.from({ length: 100 }, (_, i) => malware(`malware--m${i}`));
    const refs = [...members.map((m) => m.id), ...members.map((m) => m.id)];
    const report = { type: "report", id: "report--r", object_refs: refs };
    // The last member references the report back; by then the report's kept list is a set. That edge is removed.
    const last = { ...members[99], object_refs: ["report--r"] };
    const result = splitBundle({ id: "bundle--1", objects: [report, ...members.slice(0, 99), last] });
    const sentReport = result.bundles.find((b) => b.objects[0].id === "report--r")?.objects[0];
    expect(sentReport?.object_refs).toEqual(members.map((m) => m.id));
    expect(sentReport?.nb_deps).toBe(1 + 2 * 100);
    expect(result.bundles.find((b) => b.objects[0].id === "malware--m99")?.objects[0].object_refs).toEqual([]);
    expect(result.warnings.filter((w) => w.reason === "duplicate_reference")).toHaveLength(100);
    expect(result.warnings).toContainEqual({
      objectId: "malware--m99",
      property: "object_refs",
      ref: "report--r",
      reason: "back_reference",
    });
  });

  it("turns a reference chain too deep for the stack into an InvalidBundleError", () => {
    const objects = Array.from({ length: 200_000 }, (_, i) =>
      malware(`malware--${i}`, i === 0 ? {} : { created_by_ref: `malware--${i - 1}` }),
    ).reverse();
    expect(() => splitBundle({ id: "bundle--1", objects })).toThrow(/reference chains are too deep/);
  });
});
