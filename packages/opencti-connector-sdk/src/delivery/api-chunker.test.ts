import { describe, expect, it } from "vitest";
import { chunkForApi, escapedByteLength } from "./api-chunker.js";

const author = { type: "identity", id: "identity--a", name: "Author" };
const green = { type: "marking-definition", id: "marking-definition--g", name: "TLP:GREEN", created_by_ref: author.id };
const indicator = (i: number) => ({
  type: "indicator",
  id: `indicator--${i}`,
  pattern: `[ipv4-addr:value = '10.0.0.${i}']`,
  description: "x".repeat(200),
  created_by_ref: author.id,
  object_marking_refs: [green.id],
});

/** The exact size of a chunk's bundle once embedded as a JSON string variable. */
const encodedSize = (objects: object[]) =>
  Buffer.byteLength(JSON.stringify(JSON.stringify({ type: "bundle", id: "bundle--1", objects }))) - 2;

describe("escapedByteLength", () => {
  it("is the UTF-8 size of the JSON once escaped as a JSON string", () => {
    for (const value of [{ a: 'q"uote\\back\nline' }, { é: "Ünïcode ☃ 😀" }, [1, "two", null]]) {
      const json = JSON.stringify(value);
      expect(escapedByteLength(json)).toBe(Buffer.byteLength(JSON.stringify(json)) - 2);
    }
  });
});

describe("chunkForApi", () => {
  const objects = [author, green, ...Array.from({ length: 30 }, (_, i) => indicator(i))];

  it("keeps everything in one chunk when it fits", () => {
    const chunks = chunkForApi("bundle--1", objects, 1_000_000);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.own).toEqual(objects);
    expect(chunks[0]?.carried).toEqual([]);
    expect(chunks[0]?.bytes).toBe(encodedSize(objects) + 1);
  });

  it("cuts under the limit in order, each later chunk carrying the author and marking it references", () => {
    const limit = 3_000;
    const chunks = chunkForApi("bundle--1", objects, limit);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flatMap((c) => c.own)).toEqual(objects);
    for (const [i, chunk] of chunks.entries()) {
      const sent = [...chunk.carried, ...chunk.own];
      expect(encodedSize(sent)).toBeLessThanOrEqual(limit);
      expect(chunk.bytes).toBe(encodedSize(sent) + 1);
      if (i > 0) expect(chunk.carried).toEqual([author, green]);
    }
  });

  it("moves a carried object to the chunk's own objects when the batch reaches it", () => {
    // The marking comes after an object referencing it: it is copied in first, then delivered by that chunk.
    const chunks = chunkForApi("bundle--1", [indicator(1), green, author], 1_000_000);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.carried).toEqual([]);
    expect(chunks[0]?.own.map((o) => o.id).sort()).toEqual([author.id, green.id, "indicator--1"].sort());
  });

  it("refuses an object too large for any chunk", () => {
    expect(() => chunkForApi("bundle--1", [indicator(1)], 100)).toThrow(
      /api delivery failed: object indicator--1 needs \d+ bytes, over the 100-byte chunk limit/,
    );
  });
});
