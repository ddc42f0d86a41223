import { defaultBuilders, type StixObject, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { mergeDuplicateObjects } from "./merge-duplicate-objects.js";

const author = defaultBuilders.identity({ name: "Acme", identity_class: "organization" });
const at = (iso: string) => withDefaults({ createdBy: author, now: Date.parse(iso) });
const stix = at("2026-01-01T00:00:00Z");
const emotet = stix.malware({ name: "Emotet", is_family: true });
const ip1 = stix.ipv4Address({ value: "198.51.100.1" });
const ip2 = stix.ipv4Address({ value: "198.51.100.2" });

describe("mergeDuplicateObjects", () => {
  it("returns the input itself when every id is unique", () => {
    const objects = [ip1, emotet, ip2];
    const result = mergeDuplicateObjects(objects);
    expect(result.objects).toBe(objects);
    expect(result.merged).toEqual([]);
  });

  it("drops exact repeats (the same object, or an equal copy) silently, keeping the first position", () => {
    const copy = structuredClone(emotet) as StixObject;
    const result = mergeDuplicateObjects([ip1, emotet, ip2, emotet, copy, ip1]);
    expect(result.objects).toEqual([ip1, emotet, ip2]);
    expect(result.objects[1]).toBe(emotet);
    expect(result.merged).toEqual([]);
  });

  it("merges same-id objects with different contents as createBundle does: the latest modified wins", () => {
    const newer = at("2026-03-01T00:00:00Z").malware({ name: "Emotet", is_family: true, description: "newer" });
    const older = at("2025-12-01T00:00:00Z").malware({ name: "Emotet", is_family: true, description: "older" });
    expect(newer.id).toBe(emotet.id);
    const result = mergeDuplicateObjects([emotet, ip1, newer, older, emotet]);
    expect(result.objects).toEqual([newer, ip1]);
    expect(result.merged).toEqual([emotet.id]);
    // A tie (or no `modified`, as for observables) keeps the first version.
    const relabelled = { ...ip1, x_opencti_score: 50 } as StixObject;
    expect(mergeDuplicateObjects([ip1, relabelled])).toEqual({ objects: [ip1], merged: [ip1.id] });
  });
});
