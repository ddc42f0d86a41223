import { findRefs, parseBundle, parseStixObject, SEEDED_MARKINGS, StixValidationError } from "@org/stix2-types";
import { BundleIndex } from "./bundle-index.js";
import { type BundleProblem, objectPath, sortProblems, wrongIdProblem } from "./bundle-problem.js";

/** Options of {@link validateBundle} and {@link BundleValidator}. */
export interface ValidateBundleOptions {
  /**
   * Ids that exist outside the bundle (already on the platform): references to them are not dangling. The
   * platform's seeded TLP and PAP markings are always known.
   */
  readonly known?: Iterable<string>;
}

/** What {@link validateBundle} found. */
export interface BundleValidationReport {
  /** True when no problem was found. */
  readonly valid: boolean;
  /** Objects in the bundle. */
  readonly objectCount: number;
  /** Every problem, in bundle order. */
  readonly problems: readonly BundleProblem[];
}

type StixRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is StixRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Turns the issues of a `StixValidationError` (paths relative to `prefix`) into `invalid` problems. */
function invalidProblems(error: unknown, at: (path: string) => string, index?: number, objectId?: string) {
  if (!StixValidationError.isInstance(error)) throw error;
  return error.issues.map(
    (issue): BundleProblem => ({
      kind: "invalid",
      path: at(issue.path),
      message: issue.message,
      ...(index === undefined ? {} : { index }),
      ...(objectId === undefined ? {} : { objectId }),
    }),
  );
}

/**
 * Checks a bundle object by object as it streams past (see `readBundleEntries`), holding only the ids seen and the
 * references still unresolved: {@link BundleValidator.add} each object in order, then
 * {@link BundleValidator.finish}. {@link validateBundle} does the same for a bundle in memory.
 */
export class BundleValidator {
  readonly #index = new BundleIndex();
  readonly #known: ReadonlySet<string>;
  readonly #problems: BundleProblem[] = [];
  readonly #forward: { index: number; objectId: string | undefined; path: string; ref: string }[] = [];
  #count = 0;

  constructor(options: ValidateBundleOptions = {}) {
    this.#known = new Set([...SEEDED_MARKINGS.map((marking) => marking.id), ...(options.known ?? [])]);
  }

  /** Checks the object at `index` of `objects`: its schema, its id, and its references to objects seen so far. */
  add(value: unknown, index: number = this.#count): void {
    this.#count = Math.max(this.#count, index + 1);
    const objectId = isRecord(value) && typeof value.id === "string" ? value.id : undefined;
    let valid = true;
    try {
      parseStixObject(value);
    } catch (error) {
      valid = false;
      this.#problems.push(...invalidProblems(error, (path) => objectPath(index, path), index, objectId));
    }
    if (!isRecord(value)) return;
    this.#index.add(index, value, valid);
    for (const { path, ref } of findRefs(value)) {
      if (this.#known.has(ref) || this.#index.has(ref)) continue;
      this.#forward.push({ index, objectId, path: objectPath(index, path), ref });
    }
  }

  /**
   * Checks the envelope (`type: "bundle"`, a `bundle--` id, `spec_version`) and returns every problem found, in
   * bundle order. `envelope` holds the bundle's properties other than `objects`.
   */
  finish(envelope?: StixRecord): BundleValidationReport {
    const problems = [...this.#problems];
    if (envelope !== undefined) {
      try {
        parseBundle({ ...envelope, objects: [] });
      } catch (error) {
        problems.push(...invalidProblems(error, (path) => path));
      }
    }
    problems.push(...this.#index.finish().map(wrongIdProblem));
    for (const { index, objectId, path, ref } of this.#forward) {
      if (this.#index.has(ref)) continue;
      problems.push({
        kind: "dangling_ref",
        path,
        index,
        ...(objectId === undefined ? {} : { objectId }),
        ref,
        message: `${ref} is neither in the bundle nor seeded by the platform`,
      });
    }
    const sorted = sortProblems(problems);
    return { valid: sorted.length === 0, objectCount: this.#count, problems: sorted };
  }
}

/**
 * Checks a STIX 2.1 bundle for everything that would make the platform reject, drop or rename its content, and
 * lists every problem with its JSON path:
 *
 * - `invalid`: the envelope and each object against its STIX 2.1 / OpenCTI schema (`parseStixObject`), e.g. a bad
 *   timestamp at `objects[3].created`;
 * - `dangling_ref`: every `*_ref`/`*_refs` (nested ones included) naming an object that is neither in the bundle,
 *   nor in `options.known`, nor one of the platform's seeded TLP/PAP markings;
 * - `wrong_id`: every object whose id differs from the platform's deterministic id (`generateId`, with references
 *   resolved to their targets' deterministic ids), with the expected id; the platform would store the object under
 *   the expected id and keep the given one in `x_opencti_stix_ids`.
 *
 * Never throws for bad input: a value that is not a bundle is reported as a problem. For a file of any size,
 * stream it through a {@link BundleValidator} with `readBundleEntries`.
 *
 * @example
 * ```ts
 * const report = validateBundle(JSON.parse(text));
 * for (const problem of report.problems) console.log(`${problem.path}: ${problem.message}`);
 * ```
 */
export function validateBundle(bundle: unknown, options: ValidateBundleOptions = {}): BundleValidationReport {
  const validator = new BundleValidator(options);
  if (!isRecord(bundle)) {
    const message = 'must be a STIX bundle (a JSON object with "type": "bundle" and "objects")';
    return { valid: false, objectCount: 0, problems: [{ kind: "invalid", path: "", message }] };
  }
  const { objects, ...envelope } = bundle;
  if (objects !== undefined && !Array.isArray(objects)) {
    const report = validator.finish(envelope);
    const problem: BundleProblem = { kind: "invalid", path: "objects", message: "must be an array of STIX objects" };
    return { valid: false, objectCount: 0, problems: [problem, ...report.problems] };
  }
  (objects ?? []).forEach((object, index) => {
    validator.add(object, index);
  });
  return validator.finish(envelope);
}
