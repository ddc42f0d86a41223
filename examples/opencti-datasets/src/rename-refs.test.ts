import type { StixObject } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { renameRefs } from "./rename-refs.js";

describe("renameRefs", () => {
  const ids = new Map([
    ["identity--1", "identity--one"],
    ["location--2", "location--two"],
  ]);

  it("renames _ref and _refs values at any depth, keeps other values and unknown ids", () => {
    const object = {
      type: "report",
      id: "report--0",
      name: "identity--1",
      created_by_ref: "identity--1",
      object_refs: ["location--2", "identity--9"],
      extensions: { x: { target_ref: "location--2", notes: [{ sample_refs: ["identity--1"] }] } },
    } as unknown as StixObject;
    expect(renameRefs(object, ids)).toEqual({
      type: "report",
      id: "report--0",
      name: "identity--1",
      created_by_ref: "identity--one",
      object_refs: ["location--two", "identity--9"],
      extensions: { x: { target_ref: "location--two", notes: [{ sample_refs: ["identity--one"] }] } },
    });
  });

  it("does not change the object it is given", () => {
    const object = { type: "relationship", id: "relationship--0", source_ref: "identity--1" } as unknown as StixObject;
    renameRefs(object, ids);
    expect(object).toEqual({ type: "relationship", id: "relationship--0", source_ref: "identity--1" });
  });
});
