import type { IdFinding } from "./bundle-index.js";

/**
 * What is wrong with an object of a bundle.
 *
 * Found by `validateBundle`:
 * - `invalid`: the object (or the bundle envelope) does not match its STIX 2.1 / OpenCTI schema.
 * - `dangling_ref`: a reference to an object that is neither in the bundle nor seeded by the platform.
 * - `wrong_id`: the id differs from the platform's deterministic id (`expectedId`), or none can be computed.
 *
 * Found by `lintBundle` (besides `wrong_id`):
 * - `missing_author`: an SDO or SRO without `created_by_ref`.
 * - `unknown_author`: `created_by_ref` (or an observable's `x_opencti_created_by_ref`) names no identity of the
 *   bundle.
 * - `missing_markings`: an object without `object_marking_refs`.
 * - `unknown_marking`: a marking reference names no marking definition of the bundle.
 */
export type BundleProblemKind =
  | "invalid"
  | "dangling_ref"
  | "wrong_id"
  | "missing_author"
  | "unknown_author"
  | "missing_markings"
  | "unknown_marking";

/** One problem found in a bundle. */
export interface BundleProblem {
  readonly kind: BundleProblemKind;
  /** JSON path from the bundle, e.g. `objects[3].created` or `objects[5].object_refs[2]`; `""` for the bundle. */
  readonly path: string;
  /** What is wrong, for humans. */
  readonly message: string;
  /** Position of the object in `objects`; absent for problems of the bundle itself. */
  readonly index?: number;
  /** The object's id, when it has one. */
  readonly objectId?: string;
  /** The reference concerned (`dangling_ref`, `unknown_author`, `unknown_marking`). */
  readonly ref?: string;
  /** The platform's deterministic id (`wrong_id`). */
  readonly expectedId?: string;
}

const KIND_ORDER: readonly BundleProblemKind[] = [
  "invalid",
  "wrong_id",
  "missing_author",
  "unknown_author",
  "missing_markings",
  "unknown_marking",
  "dangling_ref",
];

/**
 * Sorts problems in bundle order (the bundle's own first, then by object, then by kind, stably), each with its
 * properties in one order: `kind`, `path`, `message`, then the optional ones.
 */
export function sortProblems(problems: readonly BundleProblem[]): BundleProblem[] {
  return [...problems]
    .sort((a, b) => (a.index ?? -1) - (b.index ?? -1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map(({ kind, path, message, ...rest }) => ({ kind, path, message, ...rest }));
}

/** The path of a property inside `objects[index]`, given the property's path relative to the object. */
export function objectPath(index: number, relative: string): string {
  if (relative === "") return `objects[${index}]`;
  return relative.startsWith("[") ? `objects[${index}]${relative}` : `objects[${index}].${relative}`;
}

/** A problem found by the deterministic id check, as a `wrong_id` problem. */
export function wrongIdProblem(finding: IdFinding): BundleProblem {
  const base = { kind: "wrong_id" as const, path: objectPath(finding.index, "id"), index: finding.index };
  if (finding.expected === undefined) {
    return {
      ...base,
      objectId: finding.id,
      message: `the platform cannot compute a deterministic id for this object: ${finding.reason ?? "unknown reason"}`,
    };
  }
  return {
    ...base,
    objectId: finding.id,
    expectedId: finding.expected,
    message: `${finding.id} is not the platform's deterministic id ${finding.expected}`,
  };
}
