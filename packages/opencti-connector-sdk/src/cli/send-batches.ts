import type { StixObjectRecord } from "../delivery/bundle-splitter.js";
import type { BundleEntry } from "../validation/read-bundle-objects.js";

/** How large a batch may grow. */
export interface BatchLimits {
  /** Objects of the bundle per batch. */
  readonly objects: number;
  /** Sum of the objects' JSON sizes, in bytes (a single larger object still makes a batch). */
  readonly bytes: number;
}

/** Identities and marking definitions kept to travel again with later batches, at most. */
const MAX_SHARED = 10_000;

/** Counts the bundle's objects put into batches so far (for progress). */
export interface BatchProgress {
  consumed: number;
}

function authorAndMarkingRefs(object: StixObjectRecord): unknown[] {
  const markings = object.object_marking_refs;
  return [object.created_by_ref, object.x_opencti_created_by_ref, ...(Array.isArray(markings) ? markings : [])];
}

/**
 * Groups streamed objects into bundles of bounded size (`limits`), all with the file's bundle id. Identities and
 * marking definitions seen in earlier batches are put again in front of a batch whose objects reference them as
 * author or marking (spec §6.1: each batch carries its author and markings), so the platform never receives such a
 * reference before its target.
 */
export async function* sendBatches(
  entries: AsyncIterable<BundleEntry>,
  bundleId: string,
  limits: BatchLimits,
  progress: BatchProgress = { consumed: 0 },
): AsyncGenerator<{ type: "bundle"; id: string; objects: StixObjectRecord[] }> {
  const shared = new Map<string, StixObjectRecord>();
  let batch: StixObjectRecord[] = [];
  let bytes = 0;
  const assemble = () => {
    const ids = new Set(batch.map((object) => object.id));
    const carried: StixObjectRecord[] = [];
    const carry = (ref: unknown) => {
      if (typeof ref !== "string" || ids.has(ref)) return;
      const object = shared.get(ref);
      if (object === undefined) return;
      ids.add(ref);
      carried.push(object);
    };
    for (const object of batch) for (const ref of authorAndMarkingRefs(object)) carry(ref);
    // The carried objects' own authors and markings (a marking created by an identity).
    for (let i = 0; i < carried.length; i++)
      for (const ref of authorAndMarkingRefs(carried[i] as StixObjectRecord)) carry(ref);
    const objects = carried.length === 0 ? batch : [...carried, ...batch];
    batch = [];
    bytes = 0;
    return { type: "bundle" as const, id: bundleId, objects };
  };
  for await (const entry of entries) {
    if (batch.length > 0 && (batch.length >= limits.objects || bytes + entry.bytes > limits.bytes)) yield assemble();
    const object = entry.value as StixObjectRecord;
    batch.push(object);
    bytes += entry.bytes;
    progress.consumed++;
    const type = object.type;
    if ((type === "identity" || type === "marking-definition") && typeof object.id === "string") {
      if (shared.size < MAX_SHARED || shared.has(object.id)) shared.set(object.id, object);
    }
  }
  if (batch.length > 0) yield assemble();
}
