import { describe, expect, it } from "vitest";
import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import type { BundleEnvelope } from "./bundle-scanner.js";
import { type BundleEntry, type BundleSource, readBundleEntries, readBundleObjects } from "./read-bundle-objects.js";

/** Strings with quotes, backslashes, brackets and braces, escapes and multi-byte characters (2, 3 and 4 bytes). */
const TRICKY = [
  { type: "identity", id: "identity--1", name: 'A "quoted" {name} [x]', description: 'back\\slash \\" end' },
  {
    type: "note",
    id: "note--2",
    content: "Zürich → 東京 🦊",
    object_refs: ["identity--1"],
    nested: { a: [1, { b: "}]" }] },
  },
  { type: "x-custom", id: "x-custom--3", values: [true, false, null, -1.5e3, 0], empty: {}, list: [] },
];
const TEXT = `\uFEFF{ "type": "bundle",\n  "objects": [ ${TRICKY.map((o) => JSON.stringify(o)).join(" ,\n ")} ],\r\n\t"id": "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90", "x_extra": {"objects": [1]} }\n`;
const BYTES = new TextEncoder().encode(TEXT);

async function read(source: BundleSource): Promise<{ entries: BundleEntry[]; envelope: BundleEnvelope }> {
  const entries: BundleEntry[] = [];
  const iterator = readBundleEntries(source);
  for (let next = await iterator.next(); ; next = await iterator.next()) {
    if (next.done) return { entries, envelope: next.value };
    entries.push(next.value);
  }
}

async function failure(source: BundleSource): Promise<string> {
  try {
    await read(source);
  } catch (error) {
    expect(InvalidBundleError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected the read to fail");
}

const EXPECTED_ENVELOPE: BundleEnvelope = {
  properties: { type: "bundle", id: "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90", x_extra: { objects: [1] } },
  wrapper: undefined,
  objectCount: 3,
};

describe("readBundleEntries", () => {
  it("yields each object parsed with its UTF-8 size, and returns the envelope written after the objects", async () => {
    const { entries, envelope } = await read([BYTES]);
    expect(entries.map((e) => e.value)).toEqual(TRICKY);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(entries.map((e) => e.bytes)).toEqual(TRICKY.map((o) => Buffer.byteLength(JSON.stringify(o))));
    expect(envelope).toEqual(EXPECTED_ENVELOPE);
  });

  it("gives the same result whatever byte position splits the input (UTF-8 sequences and escapes included)", async () => {
    for (let cut = 0; cut <= BYTES.length; cut++) {
      const { entries, envelope } = await read([BYTES.subarray(0, cut), BYTES.subarray(cut)]);
      expect(
        entries.map((e) => e.value),
        `cut at byte ${cut}`,
      ).toEqual(TRICKY);
      expect(envelope, `cut at byte ${cut}`).toEqual(EXPECTED_ENVELOPE);
    }
  });

  it("gives the same result for one-byte chunks and for text chunks split at every character", async () => {
    const single = await read(Array.from(BYTES, (byte) => Uint8Array.of(byte)));
    expect(single.entries.map((e) => e.value)).toEqual(TRICKY);
    for (let cut = 0; cut <= TEXT.length; cut++) {
      const { entries } = await read([TEXT.slice(0, cut), TEXT.slice(cut)]);
      expect(
        entries.map((e) => e.value),
        `cut at character ${cut}`,
      ).toEqual(TRICKY);
    }
  });

  it("reads the bundle inside a directory-mode file, with the file's other properties as the wrapper", async () => {
    const file = {
      bundle_type: "DIRECTORY_BUNDLE",
      applicant_id: null,
      bundle: { type: "bundle", id: "bundle--1", objects: [TRICKY[0]] },
      update: false,
    };
    const { entries, envelope } = await read([JSON.stringify(file)]);
    expect(entries.map((e) => e.value)).toEqual([TRICKY[0]]);
    expect(envelope).toEqual({
      properties: { type: "bundle", id: "bundle--1" },
      wrapper: { bundle_type: "DIRECTORY_BUNDLE", applicant_id: null, update: false },
      objectCount: 1,
    });
  });

  it("accepts a bundle without objects and an empty objects array", async () => {
    expect((await read(['{"type":"bundle","id":"bundle--1"}'])).envelope.objectCount).toBe(0);
    expect((await read(['{"objects":[ ] ,"type":"bundle"}'])).entries).toEqual([]);
  });

  it("names the place of every malformed input", async () => {
    expect(await failure([""])).toBe("bundle: the input is empty: expected a STIX bundle");
    expect(await failure(["[1]"])).toBe(
      'bundle: expected a STIX bundle (a JSON object with "type": "bundle" and "objects"), found a JSON array at character 0',
    );
    expect(await failure(['{"objects": [{"a": 1}, {"b": '])).toBe(
      "bundle: the input ends before the bundle does inside objects[1] (truncated file?)",
    );
    expect(await failure(['{"objects": [] } x'])).toBe(
      'bundle: unexpected "x" after the end of the bundle at character 17',
    );
    expect(await failure(['{"objects": {}}'])).toBe('bundle: "objects" must be an array, found "{" at character 12');
    expect(await failure(['{"objects": [1,]}'])).toBe('bundle: expected objects[1], found "]" at character 15');
    expect(await failure(['{"objects": [1} ]}'])).toBe(
      'bundle: expected "," or "]" after objects[0], found "}" at character 14',
    );
    expect(await failure(['{"objects": [], "objects": []}'])).toBe('bundle: a second "objects" array at character 27');
    expect(await failure(['{"type" "bundle"}'])).toBe('bundle: expected ":" after "type", found "\\"" at character 8');
    expect(await failure(['{"objects": [{"a": 1}, {"a": tru}]}'])).toMatch(/^objects\[1\]: is not valid JSON \(/);
    expect(await failure(['{"id": bundle}'])).toBe('bundle: expected a value, found "b" at character 7');
    expect(await failure([Uint8Array.of(0x7b, 0xff, 0x7d)])).toBe("bundle: the input is not valid UTF-8 text");
    expect(await failure([Uint8Array.of(0x7b, 0x7d, 0xe2, 0x82)])).toBe("bundle: the input is not valid UTF-8 text");
  });

  it("refuses an object larger than the limit", async () => {
    const big = `{"objects": [{"a": "${"x".repeat(100)}"}]}`;
    await expect(read([big.slice(0, 50), big.slice(50)])).resolves.toBeDefined();
    const iterator = readBundleEntries([big.slice(0, 50), big.slice(50)], { maxObjectChars: 64 });
    await expect(iterator.next()).rejects.toThrow("bundle: objects[0] is larger than 64 characters");
  });

  it("stops reading the source when the consumer stops early", async () => {
    let pulled = 0;
    async function* source() {
      yield '{"objects": [{"n": 1},';
      pulled++;
      yield '{"n": 2}]}';
      pulled++;
    }
    for await (const object of readBundleObjects(source())) {
      expect(object).toEqual({ n: 1 });
      break;
    }
    expect(pulled).toBe(0);
  });
});
