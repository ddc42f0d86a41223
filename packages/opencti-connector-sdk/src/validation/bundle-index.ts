import { generateId, hasDeterministicId, StixValidationError } from "@org/stix2-types";

/**
 * References whose targets take part in an object's id through their own standard id (spec §9.2–§9.4): the
 * platform hashes a relationship with its ends' standard ids, not with the ids written in the bundle.
 */
const ID_REFS: Readonly<Record<string, readonly string[]>> = {
  relationship: ["source_ref", "target_ref"],
  sighting: ["sighting_of_ref", "where_sighted_refs"],
  "observed-data": ["object_refs"],
  "email-message": ["from_ref"],
  "security-coverage": ["covered_ref"],
};

/** An object whose id is not the one the platform will give it. */
export interface IdFinding {
  /** Position in `objects`. */
  readonly index: number;
  /** The id written in the bundle. */
  readonly id: string;
  /** The platform's deterministic id; absent when it cannot be computed (`reason` says why). */
  readonly expected?: string;
  readonly reason?: string;
}

type StixRecord = Readonly<Record<string, unknown>>;

function refsOf(object: StixRecord, keys: readonly string[]): string[] {
  const refs: string[] = [];
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "string") refs.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === "string") refs.push(item);
  }
  return refs;
}

/**
 * The ids and types of a bundle's objects as they stream past, and the check of each object's id against the
 * platform's deterministic id (`generateId`), with references resolved to their targets' standard ids. An object
 * whose id depends on objects not seen yet is checked once they are (at the latest in {@link BundleIndex.finish}),
 * so memory holds the ids, plus only the objects that reference forward.
 */
export class BundleIndex {
  readonly #types = new Map<string, string>();
  /** Given id → standard id, only where they differ. */
  readonly #standard = new Map<string, string>();
  readonly #pending = new Map<string, { index: number; object: StixRecord }>();
  readonly #findings: IdFinding[] = [];

  /** Records an object; checks its id unless `checkId` is false (e.g. the object failed validation). */
  add(index: number, object: StixRecord, checkId = true): void {
    const { id, type } = object;
    if (typeof id !== "string" || typeof type !== "string") return;
    if (!this.#types.has(id)) this.#types.set(id, type);
    if (!checkId || !hasDeterministicId(type)) return;
    const keys = ID_REFS[type];
    if (keys !== undefined && refsOf(object, keys).some((ref) => this.#unresolved(ref))) {
      this.#pending.set(id, { index, object });
      return;
    }
    this.#check(index, id, object, keys);
  }

  /** True when an object with this id was added. */
  has(id: string): boolean {
    return this.#types.has(id);
  }

  /** The type of the object with this id, if it was added. */
  typeOf(id: string): string | undefined {
    return this.#types.get(id);
  }

  /** Checks the objects still waiting for their references, and returns every id finding in bundle order. */
  finish(): IdFinding[] {
    while (this.#pending.size > 0) {
      let progressed = false;
      for (const [id, { index, object }] of this.#pending) {
        const keys = ID_REFS[object.type as string] as readonly string[];
        if (refsOf(object, keys).some((ref) => ref !== id && this.#pending.has(ref))) continue;
        this.#pending.delete(id);
        this.#check(index, id, object, keys);
        progressed = true;
      }
      if (progressed) continue;
      // A cycle of references: check what is left with the ids as they stand.
      for (const [id, { index, object }] of this.#pending) {
        this.#pending.delete(id);
        this.#check(index, id, object, ID_REFS[object.type as string]);
      }
    }
    return [...this.#findings].sort((a, b) => a.index - b.index);
  }

  /** A reference whose target's standard id is not known yet (seen later, or waiting for its own targets). */
  #unresolved(ref: string): boolean {
    return !this.#types.has(ref) || this.#pending.has(ref);
  }

  #resolve(ref: unknown): unknown {
    return typeof ref === "string" ? (this.#standard.get(ref) ?? ref) : ref;
  }

  #check(index: number, id: string, object: StixRecord, keys: readonly string[] | undefined): void {
    let input: StixRecord & { type: string } = object as StixRecord & { type: string };
    if (keys !== undefined) {
      const resolved: Record<string, unknown> = { ...object };
      for (const key of keys) {
        const value = object[key];
        resolved[key] = Array.isArray(value) ? value.map((ref) => this.#resolve(ref)) : this.#resolve(value);
      }
      input = resolved as StixRecord & { type: string };
    }
    let expected: string;
    try {
      expected = generateId(input);
    } catch (error) {
      if (!StixValidationError.isInstance(error)) throw error;
      const reason = error.issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
      this.#findings.push({ index, id, reason });
      return;
    }
    if (expected === id) return;
    this.#standard.set(id, expected);
    this.#findings.push({ index, id, expected });
  }
}
