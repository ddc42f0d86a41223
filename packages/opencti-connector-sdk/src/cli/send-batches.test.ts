import { describe, expect, it } from "vitest";
import type { BundleEntry } from "../validation/read-bundle-objects.js";
import { sendBatches } from "./send-batches.js";

const AUTHOR = { type: "identity", id: "identity--a", name: "Author", identity_class: "organization" };
const MARKING = { type: "marking-definition", id: "marking-definition--m", created_by_ref: "identity--a" };
const object = (n: number, extra: Record<string, unknown> = {}) => ({ type: "malware", id: `malware--${n}`, ...extra });

async function* entries(objects: Record<string, unknown>[], bytes = 100): AsyncGenerator<BundleEntry> {
  let index = 0;
  for (const value of objects) yield { index: index++, value, bytes };
}

async function collect(source: AsyncIterable<{ id: string; objects: Record<string, unknown>[] }>) {
  const batches: string[][] = [];
  for await (const batch of source) {
    expect(batch.id).toBe("bundle--file");
    batches.push(batch.objects.map((o) => o.id as string));
  }
  return batches;
}

describe("sendBatches", () => {
  it("cuts batches by object count and by bytes, keeping the file's order", async () => {
    const objects = [1, 2, 3, 4, 5].map((n) => object(n));
    expect(await collect(sendBatches(entries(objects), "bundle--file", { objects: 2, bytes: 1_000 }))).toEqual([
      ["malware--1", "malware--2"],
      ["malware--3", "malware--4"],
      ["malware--5"],
    ]);
    expect(await collect(sendBatches(entries(objects, 400), "bundle--file", { objects: 10, bytes: 1_000 }))).toEqual([
      ["malware--1", "malware--2"],
      ["malware--3", "malware--4"],
      ["malware--5"],
    ]);
    // An object larger than the byte budget still travels, alone.
    expect(
      await collect(sendBatches(entries(objects.slice(0, 2), 5_000), "bundle--file", { objects: 10, bytes: 1_000 })),
    ).toEqual([["malware--1"], ["malware--2"]]);
  });

  it("puts earlier authors and markings (and their own author) in front of the batches that reference them", async () => {
    const objects = [
      AUTHOR,
      MARKING,
      object(1, { created_by_ref: "identity--a" }),
      object(2),
      object(3, { object_marking_refs: ["marking-definition--m"] }),
      object(4, { x_opencti_created_by_ref: "identity--a", object_marking_refs: ["marking-definition--unknown"] }),
    ];
    const progress = { consumed: 0 };
    const seen: number[] = [];
    const batches: string[][] = [];
    for await (const batch of sendBatches(entries(objects), "bundle--file", { objects: 2, bytes: 10_000 }, progress)) {
      seen.push(progress.consumed);
      batches.push(batch.objects.map((o) => o.id as string));
    }
    expect(batches).toEqual([
      ["identity--a", "marking-definition--m"],
      ["identity--a", "malware--1", "malware--2"],
      ["marking-definition--m", "identity--a", "malware--3", "malware--4"],
    ]);
    expect(seen).toEqual([2, 4, 6]);
  });
});
