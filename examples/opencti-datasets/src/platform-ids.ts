import { generateId, hasDeterministicId, type StixObject } from "@org/stix2-types";
import { renameRefs } from "./rename-refs.js";

/** Rounds of {@link platformIds}: ids of objects that reference others settle after their targets'. */
const MAX_ROUNDS = 4;

/**
 * The platform's id of every object that has an id rule (spec §9), keyed by the object's id in its file. The
 * platform identifies an object by this id (its `standard_id`) whatever id it is sent with; a relationship's id
 * depends on its ends' platform ids, so references are renamed before hashing, round after round until nothing
 * changes. Objects whose id cannot be computed are left out.
 */
export function platformIds(objects: readonly StixObject[]): ReadonlyMap<string, string> {
  const ids = new Map<string, string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const object of objects) {
      if (!hasDeterministicId(object.type)) continue;
      let id: string;
      try {
        id = generateId(renameRefs(object, ids));
      } catch {
        continue;
      }
      if (ids.get(object.id) !== id) {
        ids.set(object.id, id);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return ids;
}
