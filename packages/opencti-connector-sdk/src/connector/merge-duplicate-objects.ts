import { isDeepStrictEqual } from "node:util";
import { createBundle, type StixObject } from "@org/stix2-types";

/** What {@link mergeDuplicateObjects} returns. */
export interface MergedObjects {
  /** One object per id, in order of first appearance. */
  objects: StixObject[];
  /** Ids that came with different contents (merged); exact repeats are not listed. */
  merged: string[];
}

/**
 * One object per id for a delivery: the objects several records produce alike (the same malware for many
 * indicators) are sent once, so the splitter never sees a duplicate in the connector's own batches.
 *
 * Exact repeats (same id, deeply equal content) are dropped silently. Objects sharing an id with different
 * contents are merged by `createBundle` of `@org/stix2-types` (the version with the latest `modified` wins, the
 * first on a tie, at the position of the id's first appearance) and their ids returned in `merged`. Without any
 * repeat, the input array itself is returned.
 *
 * @example
 * ```ts
 * const emotet = stix.malware({ name: "Emotet", is_family: true });
 * mergeDuplicateObjects([ip1, emotet, ip2, emotet]); // { objects: [ip1, emotet, ip2], merged: [] }
 * ```
 */
export function mergeDuplicateObjects(objects: StixObject[]): MergedObjects {
  const first = new Map<string, StixObject>();
  const merged = new Set<string>();
  let repeats = 0;
  for (const object of objects) {
    const seen = first.get(object.id);
    if (seen === undefined) {
      first.set(object.id, object);
      continue;
    }
    repeats += 1;
    if (seen !== object && !isDeepStrictEqual(seen, object)) merged.add(object.id);
  }
  if (repeats === 0) return { objects, merged: [] };
  return { objects: [...createBundle(objects).bundle.objects] as StixObject[], merged: [...merged] };
}
