import { describe, expect, it } from "vitest";
import { goldenJson, sortedObjects } from "./golden-json.js";

const MALWARE = {
  type: "malware",
  id: "malware--2",
  name: "Emotet",
  created: "2026-01-01T00:00:00.000Z",
  x: { b: 1, a: 2 },
};
const IDENTITY = { type: "identity", id: "identity--1", name: "ACME" };

describe("sortedObjects", () => {
  it("sorts by type then id and sorts keys at every depth", () => {
    const sorted = sortedObjects([MALWARE, IDENTITY]);
    expect(sorted.map((o) => o.id)).toEqual(["identity--1", "malware--2"]);
    expect(Object.keys(sorted[1] ?? {})).toEqual(["created", "id", "name", "type", "x"]);
    expect(Object.keys((sorted[1]?.x as object) ?? {})).toEqual(["a", "b"]);
  });

  it("reads a bundle or a platform, and omits properties", () => {
    expect(sortedObjects({ objects: [MALWARE] }, { omit: ["created", "x"] })).toEqual([
      { id: "malware--2", name: "Emotet", type: "malware" },
    ]);
    expect(sortedObjects({ objects: () => [IDENTITY] })).toEqual([IDENTITY]);
  });

  it("renders stable JSON with a final newline", () => {
    expect(goldenJson([IDENTITY])).toBe(
      '[\n  {\n    "id": "identity--1",\n    "name": "ACME",\n    "type": "identity"\n  }\n]\n',
    );
  });

  it("refuses a source that holds no objects", () => {
    expect(() => sortedObjects({ objects: 3 } as never)).toThrow(/expected a platform, a bundle/);
  });
});
