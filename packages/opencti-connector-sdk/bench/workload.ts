/**
 * The reference delivery workload "synthetic N" of `shared/bench/README.md`: one author identity, one TLP:GREEN
 * marking, then per i an `ipv4-addr`, an `indicator` for it (created by the author, marked TLP:GREEN) and a
 * `based-on` relationship from the indicator to the address: 3N + 2 objects with the platform's deterministic ids.
 *
 * Shared by every benchmark that sends this workload (delivery, connector, CLI).
 */
import { generateId, TLP_GREEN } from "@org/stix2-types";

/** A STIX object of the workload, as plain JSON. */
export type WorkloadObject = Record<string, unknown>;

const TIMESTAMP = "2025-01-01T00:00:00.000Z";

/** The workload's author (`Perf Baseline Source`, an organization). */
export const WORKLOAD_AUTHOR: WorkloadObject = {
  type: "identity",
  spec_version: "2.1",
  id: generateId({ type: "identity", name: "Perf Baseline Source", identity_class: "organization" }),
  created: TIMESTAMP,
  modified: TIMESTAMP,
  name: "Perf Baseline Source",
  identity_class: "organization",
};

/** The workload's marking (the platform's TLP:GREEN). */
export const WORKLOAD_MARKING: WorkloadObject = { ...TLP_GREEN };

/** The i-th address of the workload: `10.<(i>>16)&255>.<(i>>8)&255>.<i&255>`. */
export function workloadAddress(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** The three objects of item i: the address, its indicator and the `based-on` relationship. */
export function workloadTriple(i: number): [WorkloadObject, WorkloadObject, WorkloadObject] {
  const value = workloadAddress(i);
  const address: WorkloadObject = {
    type: "ipv4-addr",
    spec_version: "2.1",
    id: generateId({ type: "ipv4-addr", value }),
    value,
  };
  const pattern = `[ipv4-addr:value = '${value}']`;
  const indicator: WorkloadObject = {
    type: "indicator",
    spec_version: "2.1",
    id: generateId({ type: "indicator", pattern }),
    created: TIMESTAMP,
    modified: TIMESTAMP,
    name: value,
    description: `Synthetic indicator ${i}`,
    pattern,
    pattern_type: "stix",
    valid_from: TIMESTAMP,
    created_by_ref: WORKLOAD_AUTHOR.id,
    object_marking_refs: [WORKLOAD_MARKING.id],
  };
  const relationship: WorkloadObject = {
    type: "relationship",
    spec_version: "2.1",
    id: generateId({
      type: "relationship",
      relationship_type: "based-on",
      source_ref: indicator.id as string,
      target_ref: address.id as string,
    }),
    created: TIMESTAMP,
    modified: TIMESTAMP,
    relationship_type: "based-on",
    source_ref: indicator.id,
    target_ref: address.id,
  };
  return [address, indicator, relationship];
}

/** The whole workload for `n` items as one list of 3n + 2 objects (author and marking first). */
export function syntheticObjects(n: number): WorkloadObject[] {
  const objects: WorkloadObject[] = [WORKLOAD_AUTHOR, WORKLOAD_MARKING];
  for (let i = 0; i < n; i++) objects.push(...workloadTriple(i));
  return objects;
}

/**
 * The workload for `n` items as batches of `itemsPerBatch` items, generated lazily so memory stays bounded. Each
 * batch carries the author and the marking, as a connector's batches do: 3 × itemsPerBatch + 2 objects.
 */
export async function* syntheticBatches(n: number, itemsPerBatch: number): AsyncGenerator<WorkloadObject[]> {
  for (let start = 0; start < n; start += itemsPerBatch) {
    const batch: WorkloadObject[] = [WORKLOAD_AUTHOR, WORKLOAD_MARKING];
    for (let i = start; i < Math.min(n, start + itemsPerBatch); i++) batch.push(...workloadTriple(i));
    yield batch;
  }
}
