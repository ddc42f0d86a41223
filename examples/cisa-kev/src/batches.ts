import type { KevEntry } from "./client.js";

/** A catalog entry ready to map, with whether its software is emitted with it. */
export interface KevRecord {
  entry: KevEntry;
  /**
   * True for the first entry of its batch naming this vendor and product: the software is emitted once per batch
   * (a later entry's `has` relationship refers to it), so no batch carries the same object twice.
   */
  withSoftware: boolean;
}

/** Cuts entries (in import order) into batches of `size` records. */
export function planBatches(entries: readonly KevEntry[], size: number): KevRecord[][] {
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`batch size must be an integer >= 1, got ${size}`);
  const batches: KevRecord[][] = [];
  for (let start = 0; start < entries.length; start += size) {
    const seen = new Set<string>();
    batches.push(
      entries.slice(start, start + size).map((entry) => {
        const key = `${entry.vendorProject.trim()}\u0000${entry.product.trim()}`;
        const withSoftware = !seen.has(key);
        seen.add(key);
        return { entry, withSoftware };
      }),
    );
  }
  return batches;
}
