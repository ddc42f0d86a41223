import type { StixObject } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { FIREEYE, FIREEYE_PART_OF, PLATFORM_IDS, TECHNOLOGIES } from "../test/support/foreign-objects.js";
import { platformIds } from "./platform-ids.js";

describe("platformIds", () => {
  it("gives each object the platform's id, a relationship's computed from its ends' platform ids", () => {
    // The relationship first: its ends' ids are known only after a first round.
    const ids = platformIds([FIREEYE_PART_OF, FIREEYE, TECHNOLOGIES]);
    expect(Object.fromEntries(ids)).toEqual({
      [FIREEYE_PART_OF.id]: PLATFORM_IDS.fireeyePartOf,
      [FIREEYE.id]: PLATFORM_IDS.fireeye,
      [TECHNOLOGIES.id]: PLATFORM_IDS.technologies,
    });
  });

  it("settles references to relationships too", () => {
    const note = {
      type: "note",
      id: "note--8e1c7a52-1f0e-4a53-9a43-2f7c3d5b6a10",
      spec_version: "2.1",
      created: "2024-01-01T00:00:00.000Z",
      modified: "2024-01-01T00:00:00.000Z",
      content: "about the relationship",
      object_refs: [FIREEYE_PART_OF.id],
    } as StixObject;
    const ids = platformIds([note, FIREEYE_PART_OF, FIREEYE, TECHNOLOGIES]);
    expect(ids.get(FIREEYE_PART_OF.id)).toBe(PLATFORM_IDS.fireeyePartOf);
    expect(ids.get(note.id)).toMatch(/^note--[0-9a-f-]{36}$/);
  });

  it("leaves out objects of types without an id rule and objects it cannot identify", () => {
    const extension = {
      type: "extension-definition",
      id: "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
    } as StixObject;
    const unnamed = { type: "malware", id: "malware--3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d" } as StixObject;
    expect(platformIds([extension, unnamed]).size).toBe(0);
  });
});
