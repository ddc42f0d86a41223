import { describe, expect, it } from "vitest";
import { withDefaults } from "../builders/builder-set.js";
import { StixValidationError } from "../errors/stix-validation-error.js";
import { TLP_AMBER } from "../markings/tlp.js";
import type { StixObject } from "../schemas/stix-object-schemas.js";
import { createBundle } from "./create-bundle.js";
import { findRefs } from "./find-refs.js";

const BUNDLE_ID = "bundle--0198f97b-e65d-5025-87e5-58bc39d4bdb4";
const b = withDefaults({ now: Date.parse("2024-01-01T00:00:00.000Z") });
const author = b.identity({ name: "ACME Corp", identity_class: "organization" });
const bound = withDefaults({ createdBy: author, markings: [TLP_AMBER], now: Date.parse("2024-01-01T00:00:00.000Z") });
const ip = bound.ipv4Address({ value: "1.2.3.4" });
const indicator = bound.indicatorFor(ip);
const basedOn = bound.relationship({ relationship_type: "based-on", source_ref: indicator.id, target_ref: ip.id });

describe("createBundle", () => {
  it("wraps the objects and reports nothing when every reference resolves", () => {
    const result = createBundle([author, TLP_AMBER, ip, indicator, basedOn], { id: BUNDLE_ID });
    expect(result).toEqual({
      bundle: { type: "bundle", id: BUNDLE_ID, objects: [author, TLP_AMBER, ip, indicator, basedOn] },
      danglingRefs: [],
      duplicateIds: [],
    });
  });

  it("reports every dangling reference, known ids excepted, and drops nothing", () => {
    const { bundle, danglingRefs } = createBundle([ip, indicator, basedOn], { id: BUNDLE_ID, known: [author.id] });
    expect(bundle.objects).toHaveLength(3);
    expect(danglingRefs).toEqual([
      { objectId: ip.id, path: "object_marking_refs[0]", ref: TLP_AMBER.id },
      { objectId: indicator.id, path: "object_marking_refs[0]", ref: TLP_AMBER.id },
      { objectId: basedOn.id, path: "object_marking_refs[0]", ref: TLP_AMBER.id },
    ]);
  });

  it("throws in strict mode, listing each dangling reference", () => {
    try {
      createBundle([basedOn], { id: BUNDLE_ID, strict: true });
      expect.unreachable();
    } catch (error) {
      expect(StixValidationError.isInstance(error)).toBe(true);
      expect((error as StixValidationError).issues).toEqual([
        {
          path: "objects[0].source_ref",
          message: `references ${indicator.id}, which is neither in the bundle nor known`,
        },
        { path: "objects[0].target_ref", message: `references ${ip.id}, which is neither in the bundle nor known` },
        {
          path: "objects[0].created_by_ref",
          message: `references ${author.id}, which is neither in the bundle nor known`,
        },
        {
          path: "objects[0].object_marking_refs[0]",
          message: `references ${TLP_AMBER.id}, which is neither in the bundle nor known`,
        },
      ]);
    }
  });

  it("merges duplicates: latest modified wins, ties keep the first, position of the first", () => {
    const v1 = b.malware({ name: "Emotet", description: "v1", modified: "2024-02-01T00:00:00Z" });
    const v2 = b.malware({ name: "Emotet", description: "v2", modified: "2024-03-01T00:00:00Z" });
    const v3 = b.malware({ name: "Emotet", description: "v3", modified: "2024-03-01T00:00:00.000Z" });
    const ipAgain = b.ipv4Address({ value: "1.2.3.4", x_opencti_score: 10 });
    const { bundle, duplicateIds } = createBundle([v1, ip, v2, ipAgain, v3], {
      id: BUNDLE_ID,
      known: [author.id, TLP_AMBER.id],
    });
    expect(bundle.objects).toEqual([v2, ip]);
    expect(duplicateIds).toEqual([v1.id, ip.id]);
  });

  it("validates objects on request, with paths inside the bundle", () => {
    const broken = { ...ip, value: "999.1.1.1" } as StixObject;
    expect(() => createBundle([ip, broken], { validate: true })).toThrow(
      /objects\[1\]\.value: must be an IPv4 address/,
    );
    expect(() => createBundle([], { id: "bundle-1" })).toThrow(/id: must be a bundle--<uuid> id/);
    expect(createBundle([]).bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
  });
});

describe("findRefs", () => {
  it("finds nested references and skips external references", () => {
    const message = {
      type: "email-message",
      from_ref: "email-addr--1",
      to_refs: ["email-addr--2", "email-addr--3"],
      body_multipart: [{ body_raw_ref: "artifact--4" }],
      granular_markings: [{ marking_ref: "marking-definition--5", selectors: ["subject"] }],
      external_references: [{ source_name: "x", url: "https://x", x_source_ref: "not-a-ref" }],
      extensions: { "extension-definition--6": { "weird-key": { target_ref: "x--7" } } },
    };
    expect(findRefs(message)).toEqual([
      { path: "from_ref", ref: "email-addr--1" },
      { path: "to_refs[0]", ref: "email-addr--2" },
      { path: "to_refs[1]", ref: "email-addr--3" },
      { path: "body_multipart[0].body_raw_ref", ref: "artifact--4" },
      { path: "granular_markings[0].marking_ref", ref: "marking-definition--5" },
      { path: 'extensions["extension-definition--6"]["weird-key"].target_ref', ref: "x--7" },
    ]);
  });
});
