import { randomUUID } from "node:crypto";
import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import { type EmbeddedKind, EXTERNAL_REFERENCES, KILL_CHAIN_PHASES } from "./embedded-keys.js";
import type { SplitWarning, SplitWarningReason } from "./split-warning.js";
import { isIdSupported } from "./supported-types.js";

/** The OpenCTI STIX extension, whose `id` is an object's internal id (spec §6.1). */
export const OPENCTI_EXTENSION_ID = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

/** A STIX object as plain JSON. The splitter needs only `id` and `type`; every other property passes through. */
export type StixObjectRecord = Record<string, unknown>;

/** A STIX bundle as plain JSON: `objects` is required, `id` is generated when absent. */
export interface StixBundleRecord {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly objects: readonly unknown[];
}

/** One message's bundle: exactly one object, its dependency depth as `x_opencti_seq` (pycti's shape and order). */
export interface SplitBundle {
  type: "bundle";
  id: string;
  spec_version: "2.1";
  x_opencti_seq: number;
  objects: [StixObjectRecord];
  x_opencti_event_version?: string | number;
}

/** Options of {@link splitBundle}. */
export interface SplitOptions {
  /** pycti's `cleanup_inconsistent_bundle`: also remove references to objects absent from the bundle. */
  cleanupInconsistentBundle?: boolean;
  /** Written as `x_opencti_event_version` on every split bundle (stream connectors). */
  eventVersion?: string | number;
  /** Id given to a bundle without one; defaults to `bundle--<random UUID>`. */
  generateBundleId?: () => string;
}

/** Result of {@link splitBundle}. */
export interface SplitResult {
  /** The bundle's id, carried by every split bundle. */
  bundleId: string;
  /** One bundle per compatible object, stably sorted by dependency depth (`x_opencti_seq`). */
  bundles: SplitBundle[];
  /** Number of messages the worker will count: `bundles.length` (spec §5.3 rule 1). */
  expectations: number;
  /** Objects that are not sent (relationships without both ends, unsupported types...), as processed. */
  incompatible: StixObjectRecord[];
  /** Every reference removed from a sent object and every object not sent, in input order. */
  warnings: SplitWarning[];
}

/** What the splitter noted about one object while walking it, reported once the walk is over. */
interface ObjectNotes {
  /** Removed references: `property \0 ref` → last reason; `duplicate` marks a `_refs` entry seen twice. */
  refs?: Map<string, { property: string; ref: string; reason?: SplitWarningReason; duplicate?: boolean }>;
  embedded?: SplitWarning[];
  dropProperty?: string;
}

const defaultBundleId = () => `bundle--${randomUUID()}`;

const NO_IDS: readonly string[] = [];

/** An object's internal ids: `x_opencti_id` and the OpenCTI extension's `id`, when set. */
function internalIds(item: StixObjectRecord): readonly string[] {
  const opencti = typeof item.x_opencti_id === "string" && item.x_opencti_id !== "" ? item.x_opencti_id : undefined;
  const extensions = item.extensions as Record<string, { id?: unknown } | undefined> | undefined;
  const fromExtension =
    typeof extensions === "object" && extensions !== null ? extensions[OPENCTI_EXTENSION_ID]?.id : undefined;
  const extension = typeof fromExtension === "string" && fromExtension !== "" ? fromExtension : undefined;
  if (opencti === undefined && extension === undefined) return NO_IDS;
  if (opencti === undefined) return [extension as string];
  return extension === undefined ? [opencti] : [opencti, extension];
}

/**
 * The references an object kept so far (pycti's `cache_refs` entry): a list that becomes a set once large, since
 * the back-reference test asks whether a target's list contains the current object.
 */
type RefList = string[] | Set<string>;
const REF_SET_THRESHOLD = 32;

/** Why an object cannot be sent (the property at fault), or `undefined` when it is compatible. */
function incompatibility(item: StixObjectRecord, itemId: string): string | undefined {
  if (item.type === "relationship") {
    if (item.source_ref === null || item.source_ref === undefined) return "source_ref";
    if (item.target_ref === null || item.target_ref === undefined) return "target_ref";
    return undefined;
  }
  if (item.type === "sighting") {
    if (item.sighting_of_ref === null || item.sighting_of_ref === undefined) return "sighting_of_ref";
    const where = item.where_sighted_refs;
    return Array.isArray(where) && where.length > 0 ? undefined : "where_sighted_refs";
  }
  return isIdSupported(itemId) ? undefined : "id";
}

/**
 * Splits a bundle into one-object bundles the way the platform's worker and pycti do (spec §6.1,
 * `split_bundle_with_expectations`), and reports what they drop silently.
 *
 * Objects are indexed by `id`, `x_opencti_id` and the OpenCTI extension id (the last duplicate wins), then walked
 * in bundle order computing `nb_deps` (1 + the `nb_deps` of every kept reference, memoised). A reference is kept
 * only if its type is supported, it is not missing while cleaning up, it is not an ancestor on the current path
 * (cycle), not the object itself, and its target does not already reference the object. Kept `_refs` are
 * de-duplicated; a removed `_ref` becomes `null`. `external_references` and `kill_chain_phases` are de-duplicated,
 * external references without an id are dropped, and `nb_deps` is written as the object's last key. Relationships
 * without both ends, sightings without their refs and objects of unsupported types are not sent. The rest is
 * stably sorted by `nb_deps` and wrapped one per bundle.
 *
 * Pure: the input is not modified (each object is copied once, shallowly); no I/O. Throws
 * {@link InvalidBundleError} when `objects` is missing or an object lacks a string `id` or `type`.
 */
export function splitBundle(bundle: StixBundleRecord, options: SplitOptions = {}): SplitResult {
  const objects: unknown = bundle.objects;
  if (!Array.isArray(objects)) throw new InvalidBundleError("objects", "a bundle needs an `objects` array");
  const bundleId = typeof bundle.id === "string" ? bundle.id : (options.generateBundleId ?? defaultBundleId)();
  const cleanup = options.cleanupInconsistentBundle === true;

  const copies: StixObjectRecord[] = new Array(objects.length);
  const index = new Map<string, StixObjectRecord>();
  // Without internal ids or repeated ids every object is visited exactly once under its own id, which lets the
  // warnings pass skip most bookkeeping.
  let aliasedOrRepeated = false;
  for (let i = 0; i < objects.length; i++) {
    const original: unknown = objects[i];
    if (typeof original !== "object" || original === null || Array.isArray(original)) {
      throw new InvalidBundleError(`objects[${i}]`, "every object must be a JSON object");
    }
    const copy: StixObjectRecord = { ...(original as StixObjectRecord) };
    if (typeof copy.id !== "string" || copy.id === "") {
      throw new InvalidBundleError(`objects[${i}].id`, "every object needs a non-empty string `id`");
    }
    if (typeof copy.type !== "string")
      throw new InvalidBundleError(`objects[${i}].type`, "every object needs a `type`");
    copies[i] = copy;
    if (index.has(copy.id)) aliasedOrRepeated = true;
    index.set(copy.id, copy);
    for (const internalId of internalIds(copy)) {
      aliasedOrRepeated = true;
      index.set(internalId, copy);
    }
  }

  const cacheIndex = new Map<string, StixObjectRecord>();
  const cacheRefs = new Map<string, RefList>();
  const addRef = (itemId: string, ref: string) => {
    const list = cacheRefs.get(itemId);
    if (list === undefined) cacheRefs.set(itemId, [ref]);
    else if (Array.isArray(list)) {
      list.push(ref);
      if (list.length > REF_SET_THRESHOLD) cacheRefs.set(itemId, new Set(list));
    } else list.add(ref);
  };
  const references = (from: string, to: string): boolean => {
    const list = cacheRefs.get(from);
    if (list === undefined) return false;
    return Array.isArray(list) ? list.includes(to) : list.has(to);
  };
  const elements: StixObjectRecord[] = [];
  const incompatible: StixObjectRecord[] = [];
  const notes = new Map<StixObjectRecord, ObjectNotes>();
  const path: string[] = [];

  const notesOf = (item: StixObjectRecord): ObjectNotes => {
    let entry = notes.get(item);
    if (entry === undefined) {
      entry = {};
      notes.set(item, entry);
    }
    return entry;
  };
  const noteRef = (item: StixObjectRecord, property: string, ref: string, reason: SplitWarningReason) => {
    const entry = notesOf(item);
    entry.refs ??= new Map();
    const key = `${property}\u0000${ref}`;
    const note = entry.refs.get(key) ?? { property, ref };
    if (reason === "duplicate_reference") note.duplicate = true;
    else note.reason = reason;
    entry.refs.set(key, note);
  };
  const noteEmbedded = (item: StixObjectRecord, warning: SplitWarning) => {
    const entry = notesOf(item);
    entry.embedded ??= [];
    entry.embedded.push(warning);
  };
  // pycti keeps a reference only if every one of these tests passes; which failing test is named is ours.
  const rejectRef = (ref: string, itemId: string): SplitWarningReason | undefined => {
    if (!isIdSupported(ref)) return "unsupported_type";
    if (cleanup && !index.has(ref)) return "missing_target";
    if (ref === itemId) return "self_reference";
    if (path.includes(ref)) return "cycle";
    return references(ref, itemId) ? "back_reference" : undefined;
  };

  const visit = (itemId: string): number => {
    const item = index.get(itemId);
    if (item === undefined) return 0;
    const cached = cacheIndex.get(itemId);
    if (cached !== undefined) return cached.nb_deps as number;
    let nbDeps = 1;
    for (const key of Object.keys(item)) {
      // Read at this point, not before the loop: a nested visit of a cycle may have rewritten it.
      // Most keys end neither in `s` nor in `f`: skip them on one character code.
      const last = key.charCodeAt(key.length - 1);
      if (last !== 115 && last !== 102) continue;
      const value = item[key];
      if (value === undefined) continue;
      if (last === 115 && key.endsWith("_refs")) {
        if (value === null) continue;
        if (!Array.isArray(value)) {
          noteRef(item, key, String(value), "invalid_reference");
          item[key] = [];
          continue;
        }
        if (value.length === 0) continue;
        const toKeep: string[] = [];
        // Lists are short but `object_refs` can hold thousands of ids: de-duplicate with a set only then.
        const kept = value.length > REF_SET_THRESHOLD ? new Set<string>() : undefined;
        for (const ref of value as unknown[]) {
          const reason = typeof ref === "string" ? rejectRef(ref, itemId) : "invalid_reference";
          if (reason !== undefined) {
            noteRef(item, key, String(ref), reason);
          } else {
            const accepted = ref as string;
            addRef(itemId, accepted);
            path.push(accepted);
            // A repeated entry counts its dependencies again, as in pycti.
            nbDeps += visit(accepted);
            path.pop();
            if (kept === undefined ? toKeep.includes(accepted) : kept.has(accepted)) {
              noteRef(item, key, accepted, "duplicate_reference");
            } else {
              kept?.add(accepted);
              toKeep.push(accepted);
            }
          }
          // pycti stores the partial list after every entry, kept or not, so a nested visit of this same object
          // (through a cycle) walks what has been kept so far rather than the original list.
          item[key] = toKeep;
        }
      } else if (last === 102 && key.endsWith("_ref")) {
        if (value === null) continue;
        const reason = typeof value === "string" ? rejectRef(value, itemId) : "invalid_reference";
        if (reason !== undefined) {
          noteRef(item, key, String(value), reason);
          item[key] = null;
          continue;
        }
        const ref = value as string;
        addRef(itemId, ref);
        path.push(ref);
        nbDeps += visit(ref);
        path.pop();
      } else if (key === EXTERNAL_REFERENCES.property && Array.isArray(value)) {
        item[key] = dedupeEmbedded(item, value, EXTERNAL_REFERENCES, noteEmbedded);
      } else if (key === KILL_CHAIN_PHASES.property && Array.isArray(value)) {
        item[key] = dedupeEmbedded(item, value, KILL_CHAIN_PHASES, noteEmbedded);
      }
    }
    item.nb_deps = nbDeps;
    if (!cacheIndex.has(itemId)) {
      const fault = incompatibility(item, itemId);
      if (fault === undefined) {
        elements.push(item);
      } else {
        incompatible.push(item);
        notesOf(item).dropProperty ??= fault;
      }
      cacheIndex.set(itemId, item);
      for (const internalId of internalIds(item)) cacheIndex.set(internalId, item);
    }
    return nbDeps;
  };

  try {
    for (const copy of copies) visit(copy.id as string);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InvalidBundleError("objects", "reference chains are too deep to walk (stack exhausted)", {
        cause: error,
      });
    }
    throw error;
  }

  elements.sort((a, b) => (a.nb_deps as number) - (b.nb_deps as number));
  const bundles = elements.map((object): SplitBundle => {
    const split: SplitBundle = {
      type: "bundle",
      id: bundleId,
      spec_version: "2.1",
      x_opencti_seq: object.nb_deps as number,
      objects: [object],
    };
    if (options.eventVersion !== undefined) split.x_opencti_event_version = options.eventVersion;
    return split;
  });

  return {
    bundleId,
    bundles,
    expectations: bundles.length,
    incompatible,
    warnings: collectWarnings(copies, elements, incompatible, notes, aliasedOrRepeated),
  };
}

/**
 * Keeps the first entry of each id among an object's embedded external references or kill-chain phases, and drops
 * the entries without one (spec §6.1), noting each removal.
 */
function dedupeEmbedded(
  item: StixObjectRecord,
  entries: readonly unknown[],
  kind: EmbeddedKind,
  note: (item: StixObjectRecord, warning: SplitWarning) => void,
): unknown[] {
  const seen = new Set<string>();
  const kept: unknown[] = [];
  for (const entry of entries) {
    const key = kind.key(entry);
    if (key === undefined || seen.has(key)) {
      const ref = kind.describe(entry);
      note(item, {
        objectId: item.id as string,
        property: kind.property,
        ...(ref === undefined ? {} : { ref }),
        reason: key === undefined ? kind.invalid : kind.duplicate,
      });
      continue;
    }
    seen.add(key);
    kept.push(entry);
  }
  return kept;
}

/**
 * Turns the walk's notes into warnings, in input order. A reference counts as removed only if the sent object no
 * longer has it: a nested visit of a cycle can remove a reference that the outer visit then writes back.
 */
function collectWarnings(
  copies: readonly StixObjectRecord[],
  elements: readonly StixObjectRecord[],
  incompatible: readonly StixObjectRecord[],
  notes: ReadonlyMap<StixObjectRecord, ObjectNotes>,
  aliasedOrRepeated: boolean,
): SplitWarning[] {
  const warnings: SplitWarning[] = [];
  if (notes.size === 0 && incompatible.length === 0 && !aliasedOrRepeated) return warnings;
  // Visited once each under their own id, objects are either sent or dropped; otherwise an object can be both
  // (sent under an internal id) or neither (replaced by a later duplicate).
  const sent = aliasedOrRepeated ? new Set(elements) : undefined;
  const dropped = new Set(incompatible);
  for (const item of copies) {
    const objectId = item.id as string;
    const entry = notes.get(item);
    if (sent === undefined ? !dropped.has(item) : sent.has(item)) {
      if (entry === undefined) continue;
      for (const note of entry.refs?.values() ?? []) {
        const current = item[note.property];
        const stillThere = Array.isArray(current) ? current.includes(note.ref) : current === note.ref;
        if (!stillThere) {
          warnings.push({ objectId, property: note.property, ref: note.ref, reason: note.reason ?? "cycle" });
        } else if (note.duplicate === true) {
          warnings.push({ objectId, property: note.property, ref: note.ref, reason: "duplicate_reference" });
        }
      }
      if (entry.embedded !== undefined) warnings.push(...entry.embedded);
    } else if (dropped.has(item)) {
      const property = entry?.dropProperty ?? "id";
      // The removed end of a relationship or sighting, when a reference test removed it.
      const removed = [...(entry?.refs?.values() ?? [])].find((note) => note.property === property)?.ref;
      warnings.push({
        objectId,
        property,
        ...(removed === undefined ? {} : { ref: removed }),
        reason: "incompatible_object",
      });
    } else {
      warnings.push({ objectId, property: "id", reason: "duplicate_object" });
    }
  }
  return warnings;
}
