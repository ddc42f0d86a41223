import { randomUUID } from "node:crypto";
import { StixValidationError, type StixValidationIssue } from "../errors/stix-validation-error.js";
import { isStixIdentifier } from "../schemas/common/primitives.js";
import { type Bundle, parseStixObject } from "../schemas/parse.js";
import type { StixObject } from "../schemas/stix-object-schemas.js";
import { normalizeTimestamp } from "../timestamps/stix-timestamp.js";
import { findRefs } from "./find-refs.js";

/** A reference to an object that is neither in the bundle nor among the known ids. */
export interface DanglingRef {
  /** Id of the object holding the reference. */
  objectId: string;
  /** JSON path of the reference inside that object, e.g. `object_refs[2]`. */
  path: string;
  /** The referenced id. */
  ref: string;
}

/** Options of {@link createBundle}. */
export interface CreateBundleOptions {
  /** Ids that exist outside the bundle (already on the platform, or sent in another batch). */
  known?: Iterable<string>;
  /** Throw a {@link StixValidationError} listing every dangling reference instead of reporting them. */
  strict?: boolean;
  /** Validate every object with its schema first (objects from the builders are already valid). */
  validate?: boolean;
  /** The bundle id; a random `bundle--<uuidv4>` by default. */
  id?: string;
}

/** What {@link createBundle} returns. */
export interface CreateBundleResult {
  /** The bundle: objects de-duplicated by id, in order of first appearance. */
  bundle: Bundle;
  /** Every reference pointing outside the bundle and the known ids (never dropped). */
  danglingRefs: DanglingRef[];
  /** Ids that appeared more than once (merged as described in {@link createBundle}). */
  duplicateIds: string[];
}

function modifiedOf(object: StixObject): string {
  const modified = (object as { modified?: unknown }).modified;
  return typeof modified === "string" ? (normalizeTimestamp(modified) ?? "") : "";
}

/**
 * Wraps objects in a STIX 2.1 bundle and reports every dangling `*_ref`/`*_refs` (nested ones included).
 *
 * Duplicates by id are merged deterministically: the version with the latest `modified` wins (an object without
 * `modified`, such as an observable, counts as oldest); on a tie the first one is kept. The kept version takes the
 * position of the id's first appearance. Nothing is dropped silently: the result lists dangling references and
 * merged ids; with `strict`, dangling references throw.
 */
export function createBundle(objects: readonly StixObject[], options: CreateBundleOptions = {}): CreateBundleResult {
  const bundleId = options.id ?? `bundle--${randomUUID()}`;
  const issues: StixValidationIssue[] = [];
  if (!isStixIdentifier(bundleId, ["bundle"])) issues.push({ path: "id", message: "must be a bundle--<uuid> id" });
  const kept: StixObject[] = [];
  const indexById = new Map<string, number>();
  const duplicateIds = new Set<string>();
  objects.forEach((object, i) => {
    if (options.validate) {
      try {
        parseStixObject(object);
      } catch (error) {
        if (!StixValidationError.isInstance(error)) throw error;
        for (const issue of error.issues) {
          issues.push({
            path: `objects[${i}]${issue.path === "" || issue.path.startsWith("[") ? "" : "."}${issue.path}`,
            message: issue.message,
          });
        }
      }
    }
    const index = indexById.get(object.id);
    if (index === undefined) {
      indexById.set(object.id, kept.length);
      kept.push(object);
      return;
    }
    duplicateIds.add(object.id);
    if (modifiedOf(object) > modifiedOf(kept[index] as StixObject)) kept[index] = object;
  });
  if (issues.length > 0) throw new StixValidationError(issues);
  const known = new Set(options.known ?? []);
  const danglingRefs: DanglingRef[] = [];
  for (const object of kept) {
    for (const { path, ref } of findRefs(object)) {
      if (!indexById.has(ref) && !known.has(ref)) danglingRefs.push({ objectId: object.id, path, ref });
    }
  }
  if (options.strict && danglingRefs.length > 0) {
    throw new StixValidationError(
      danglingRefs.map((d) => ({
        path: `objects[${indexById.get(d.objectId)}].${d.path}`,
        message: `references ${d.ref}, which is neither in the bundle nor known`,
      })),
    );
  }
  return {
    bundle: { type: "bundle", id: bundleId, objects: kept },
    danglingRefs,
    duplicateIds: [...duplicateIds],
  };
}
