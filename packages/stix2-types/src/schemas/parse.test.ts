import { describe, expect, it } from "vitest";
import { issuesOf } from "../../test/support/issues-of.js";
import { parseBundle, parseStixObject, stixObjectSchema } from "./parse.js";

const MALWARE = {
  type: "malware",
  spec_version: "2.1",
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  created: "2024-01-01T00:00:00Z",
  modified: "2024-01-01T00:00:00.000Z",
  name: "Emotet",
  is_family: true,
};
const IPV4 = { type: "ipv4-addr", id: "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4", value: "1.2.3.4" };

describe("parseStixObject", () => {
  it("returns the object typed, unchanged, custom x_ properties included", () => {
    const input = { ...MALWARE, x_opencti_score: 50, x_mitre_version: "1.0" };
    const parsed = parseStixObject(input);
    expect(parsed).toEqual(input);
    if (parsed.type === "malware") expect(parsed.is_family).toBe(true);
  });

  it("rejects unknown types with a clear message", () => {
    expect(issuesOf(() => parseStixObject({ ...MALWARE, type: "x-mitre-asset" }))).toEqual([
      { path: "type", message: 'unknown type "x-mitre-asset": not one of the 67 STIX 2.1 / OpenCTI types supported' },
    ]);
    expect(issuesOf(() => parseStixObject({ name: "x" }))[0]?.path).toBe("type");
    expect(issuesOf(() => parseStixObject("malware"))).toEqual([
      { path: "", message: "must be a STIX object (a JSON object with a type)" },
    ]);
  });

  it("lists every problem with its path", () => {
    const issues = issuesOf(() =>
      parseStixObject({
        ...MALWARE,
        id: "indicator--36297121-bf18-56e1-b200-d39c9f9f5cee",
        spec_version: "2.0",
        created: "2024-01-01",
        is_family: "yes",
        descripton: "typo",
        external_references: [{ source_name: "x" }],
        object_marking_refs: ["TLP:RED"],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      "id",
      "spec_version",
      "created",
      "external_references[0]",
      "object_marking_refs[0]",
      "is_family",
      "descripton",
    ]);
    expect(issues.find((issue) => issue.path === "descripton")?.message).toBe(
      'unknown property "descripton" for type malware (custom properties must start with x_)',
    );
    expect(issues.find((issue) => issue.path === "external_references[0]")?.message).toBe(
      "needs url or external_id (OpenCTI drops external references with neither)",
    );
  });

  it("says which required property is missing", () => {
    expect(issuesOf(() => parseStixObject({ type: "ipv4-addr", id: IPV4.id }))).toEqual([
      { path: "value", message: "is required" },
    ]);
  });

  it("checks cross-property rules", () => {
    expect(issuesOf(() => parseStixObject({ ...MALWARE, modified: "2023-12-31T23:59:59Z" }))).toEqual([
      { path: "modified", message: "must be at or after created (2024-01-01T00:00:00Z)" },
    ]);
    const { name: _name, ...unnamed } = MALWARE;
    expect(issuesOf(() => parseStixObject(unnamed))).toEqual([
      { path: "name", message: "is required when is_family is true" },
    ]);
    expect(issuesOf(() => parseStixObject({ type: "file", id: "file--0198f97b-e65d-5025-87e5-58bc39d4bdb4" }))).toEqual(
      [{ path: "", message: "needs at least one of hashes, name" }],
    );
  });

  it("validates IP addresses, MAC addresses, URLs and hashes per algorithm", () => {
    const value = (type: string, v: string) =>
      issuesOf(() => parseStixObject({ type, id: `${type}--0198f97b-e65d-5025-87e5-58bc39d4bdb4`, value: v }));
    expect(parseStixObject({ ...IPV4, value: "10.0.0.0/8" })).toMatchObject({ value: "10.0.0.0/8" });
    expect(value("ipv4-addr", "10.0.0.256")[0]?.path).toBe("value");
    expect(value("ipv6-addr", "2001:db8:::1")[0]?.path).toBe("value");
    expect(value("mac-addr", "00:1A:2B:3C:4D:5E")[0]?.message).toBe(
      "must be a lower-case MAC-48 such as 00:1a:2b:3c:4d:5e",
    );
    expect(value("url", "not a url")[0]?.path).toBe("value");
    expect(value("domain-name", "exa mple.com")[0]?.path).toBe("value");
    const file = (hashes: Record<string, string>) =>
      issuesOf(() => parseStixObject({ type: "file", id: "file--0198f97b-e65d-5025-87e5-58bc39d4bdb4", hashes }));
    expect(file({ MD5: "abc" })).toEqual([
      { path: "hashes.MD5", message: "MD5 must be 32 hexadecimal characters (got 3 characters)" },
    ]);
    expect(file({ sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" })).toEqual([
      { path: "hashes.sha256", message: 'hash algorithm must be written "SHA-256"' },
    ]);
    expect(file({ "SHA-1": "g".repeat(40) })[0]?.path).toBe('hashes["SHA-1"]');
    expect(file({ SSDEEP: "3:abc" })[0]?.message).toBe("SSDEEP must be blocksize:hash:hash (got 5 characters)");
    const custom = {
      type: "file",
      id: "file--0198f97b-e65d-5025-87e5-58bc39d4bdb4",
      hashes: { "x-custom": "anything" },
    };
    expect(parseStixObject(custom)).toEqual(custom);
  });

  it("accepts custom non-x_ properties only under a toplevel-property extension", () => {
    const ext = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e";
    expect(
      parseStixObject({ ...IPV4, rank: 5, extensions: { [ext]: { extension_type: "toplevel-property-extension" } } }),
    ).toMatchObject({ rank: 5 });
    expect(issuesOf(() => parseStixObject({ ...IPV4, extensions: { "my-ext": {} } }))[0]?.path).toBe(
      'extensions["my-ext"]',
    );
  });

  it("checks TLP marking ids and statements", () => {
    const tlp = {
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
      created: "2017-01-20T00:00:00.000Z",
      definition_type: "tlp",
      definition: { tlp: "red" },
    };
    expect(issuesOf(() => parseStixObject(tlp))).toEqual([
      { path: "id", message: "a TLP:RED marking has id marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed" },
    ]);
    expect(
      issuesOf(() => parseStixObject({ ...tlp, definition_type: "statement", definition: { statement: "" } }))[0]?.path,
    ).toBe("definition.statement");
  });

  it("is also available as a zod discriminated union", () => {
    expect(stixObjectSchema.safeParse(IPV4).success).toBe(true);
    expect(stixObjectSchema.safeParse({ ...IPV4, value: "x" }).success).toBe(false);
  });
});

describe("parseBundle", () => {
  const bundle = { type: "bundle", id: "bundle--0198f97b-e65d-5025-87e5-58bc39d4bdb4", objects: [MALWARE, IPV4] };

  it("validates the envelope and every object", () => {
    expect(parseBundle(bundle)).toEqual(bundle);
    expect(parseBundle({ ...bundle, spec_version: "2.1", x_opencti_seq: 3 })).toMatchObject({ x_opencti_seq: 3 });
  });

  it("reports the problems of every object with their index", () => {
    const issues = issuesOf(() =>
      parseBundle({ ...bundle, objects: [{ ...IPV4, value: "nope" }, MALWARE, { type: "unknown-thing" }] }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(["objects[0].value", "objects[2].type"]);
  });

  it("rejects a bad envelope", () => {
    expect(issuesOf(() => parseBundle({ type: "bundle", id: "bundle-1", objects: "x" })).map((i) => i.path)).toEqual([
      "id",
      "objects",
    ]);
  });
});
