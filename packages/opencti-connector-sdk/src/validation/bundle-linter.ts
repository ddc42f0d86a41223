import { isObservableType } from "@org/stix2-types";
import { BundleIndex } from "./bundle-index.js";
import { type BundleProblem, objectPath, sortProblems, wrongIdProblem } from "./bundle-problem.js";

/** What {@link lintBundle} found. */
export interface BundleLintReport {
  /** True when nothing was found. */
  readonly passed: boolean;
  /** Objects in the bundle. */
  readonly objectCount: number;
  /** Every finding, in bundle order. */
  readonly findings: readonly BundleProblem[];
}

/** Options of {@link lintBundle} and {@link BundleLinter}. */
export interface LintBundleOptions {
  /**
   * For passthrough connectors that forward another producer's STIX (a dataset, a TAXII feed) with its ids as
   * given: accept ids that are not the platform's deterministic ones (no `wrong_id`), still requiring an author and
   * markings. The platform computes its own `standard_id` for each object on import and keeps the id it was sent
   * in `x_opencti_stix_ids`, so the object stays reachable under both. Default false: a connector that builds its
   * own objects must send the platform's ids.
   */
  readonly foreignIds?: boolean;
}

type StixRecord = Readonly<Record<string, unknown>>;

interface PendingRef {
  readonly index: number;
  readonly objectId: string | undefined;
  readonly path: string;
  readonly ref: string;
  readonly kind: "unknown_author" | "unknown_marking";
}

const isRecord = (value: unknown): value is StixRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const EXPECTED_TYPE = { unknown_author: "identity", unknown_marking: "marking-definition" } as const;

/**
 * Lints a bundle object by object as it streams past: {@link BundleLinter.add} each object in order, then
 * {@link BundleLinter.finish}. {@link lintBundle} does the same for a bundle in memory.
 */
export class BundleLinter {
  readonly #index = new BundleIndex();
  readonly #findings: BundleProblem[] = [];
  /** Findings of identities, dropped at the end for those that are the author of other objects. */
  readonly #identityFindings: { id: string; finding: BundleProblem }[] = [];
  readonly #authors = new Set<string>();
  readonly #pending: PendingRef[] = [];
  readonly #checkIds: boolean;
  #count = 0;

  constructor(options: LintBundleOptions = {}) {
    this.#checkIds = options.foreignIds !== true;
  }

  /** Lints the object at `index` of `objects`. */
  add(value: unknown, index: number = this.#count): void {
    this.#count = Math.max(this.#count, index + 1);
    if (!isRecord(value) || typeof value.type !== "string") {
      this.#findings.push({ kind: "invalid", path: objectPath(index, ""), index, message: "is not a STIX object" });
      return;
    }
    const type = value.type;
    const objectId = typeof value.id === "string" ? value.id : undefined;
    this.#index.add(index, value, this.#checkIds);
    if (type === "marking-definition") return;
    const deferred = (finding: BundleProblem) => {
      if (type === "identity" && objectId !== undefined) this.#identityFindings.push({ id: objectId, finding });
      else this.#findings.push(finding);
    };
    const base = { index, ...(objectId === undefined ? {} : { objectId }) };

    const observable = isObservableType(type);
    const authorKey = observable && value.created_by_ref === undefined ? "x_opencti_created_by_ref" : "created_by_ref";
    const author = value[authorKey];
    if (typeof author === "string") {
      this.#authors.add(author);
      this.#checkRef({ ...base, objectId, path: objectPath(index, authorKey), ref: author, kind: "unknown_author" });
    } else if (!observable) {
      deferred({
        ...base,
        kind: "missing_author",
        path: objectPath(index, "created_by_ref"),
        message: "has no author: every SDO and SRO needs created_by_ref naming an identity of the bundle",
      });
    }

    const markings = value.object_marking_refs;
    if (!Array.isArray(markings) || markings.length === 0) {
      deferred({
        ...base,
        kind: "missing_markings",
        path: objectPath(index, "object_marking_refs"),
        message: "has no markings: every object needs object_marking_refs naming marking definitions of the bundle",
      });
      return;
    }
    markings.forEach((ref, k) => {
      const path = objectPath(index, `object_marking_refs[${k}]`);
      this.#checkRef({ ...base, objectId, path, ref: String(ref), kind: "unknown_marking" });
    });
  }

  /** Returns every finding in bundle order (non-deterministic ids included, unless `foreignIds`). */
  finish(): BundleLintReport {
    const findings = [...this.#findings];
    for (const { id, finding } of this.#identityFindings) if (!this.#authors.has(id)) findings.push(finding);
    for (const pending of this.#pending) {
      const found = this.#refFinding(pending);
      if (found) findings.push(found);
    }
    findings.push(...this.#index.finish().map(wrongIdProblem));
    const sorted = sortProblems(findings);
    return { passed: sorted.length === 0, objectCount: this.#count, findings: sorted };
  }

  /** Checks a reference now when its target was seen, else at the end. */
  #checkRef(ref: PendingRef): void {
    if (!this.#index.has(ref.ref)) {
      this.#pending.push(ref);
      return;
    }
    const found = this.#refFinding(ref);
    if (found) this.#findings.push(found);
  }

  #refFinding({ index, objectId, path, ref, kind }: PendingRef): BundleProblem | undefined {
    const expected = EXPECTED_TYPE[kind];
    const type = this.#index.typeOf(ref);
    if (type === expected) return undefined;
    const what = kind === "unknown_author" ? "an identity" : "a marking definition";
    const message =
      type === undefined
        ? `${ref} is not in the bundle: ship ${what} with the objects`
        : `${ref} is a ${type}, not ${what}`;
    return { kind, path, index, ...(objectId === undefined ? {} : { objectId }), ref, message };
  }
}

/**
 * The lint of a connector's output (issue 8): fails a bundle whose objects
 *
 * - lack an author: every SDO and SRO needs `created_by_ref` (`missing_author`), and every author reference
 *   (`created_by_ref`, or an observable's `x_opencti_created_by_ref`) must name an identity present in the bundle
 *   (`unknown_author`);
 * - lack markings: every object needs a non-empty `object_marking_refs` (`missing_markings`) whose marking
 *   definitions are present in the bundle (`unknown_marking`);
 * - carry non-deterministic ids: every object with a platform id rule must have the platform's deterministic id
 *   (`wrong_id`, with the expected id), unless `options.foreignIds` is set for a passthrough connector (see
 *   {@link LintBundleOptions.foreignIds}).
 *
 * Marking definitions need neither author nor markings, nor does an identity that is the author of other objects.
 * These are the rules the SDK's builders and `ExternalImportConnector` follow, so a connector built on them passes.
 * Never throws for bad input. For a file of any size, stream it through a {@link BundleLinter} with
 * `readBundleEntries`.
 *
 * @example
 * ```ts
 * const report = lintBundle(bundle);
 * if (!report.passed) for (const f of report.findings) console.log(`${f.path}: ${f.kind}: ${f.message}`);
 * // A connector forwarding foreign STIX with its ids:
 * lintBundle(bundle, { foreignIds: true });
 * ```
 */
export function lintBundle(bundle: unknown, options: LintBundleOptions = {}): BundleLintReport {
  const objects = isRecord(bundle) ? bundle.objects : undefined;
  if (!Array.isArray(objects)) {
    const message = 'must be a STIX bundle (a JSON object with "type": "bundle" and an "objects" array)';
    return { passed: false, objectCount: 0, findings: [{ kind: "invalid", path: "", message }] };
  }
  const linter = new BundleLinter(options);
  objects.forEach((object, index) => {
    linter.add(object, index);
  });
  return linter.finish();
}
