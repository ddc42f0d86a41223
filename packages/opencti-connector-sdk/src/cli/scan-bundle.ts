import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import type { BundleProblem } from "../validation/bundle-problem.js";
import type { BundleEnvelope } from "../validation/bundle-scanner.js";
import { type BundleSource, readBundleEntries } from "../validation/read-bundle-objects.js";
import { formatCount } from "./send-summary.js";

/** How a streamed bundle ended: its envelope, or the syntax problem that stopped the reading. */
export type ScanOutcome =
  | { envelope: BundleEnvelope; syntax?: undefined }
  | { envelope?: undefined; syntax: BundleProblem };

/** An `InvalidBundleError` of the reader as an `invalid` problem at its place. */
function syntaxProblem(error: InvalidBundleError): BundleProblem {
  const index = /^objects\[(\d+)\]$/.exec(error.field)?.[1];
  const message = error.message.slice(error.field.length + 2);
  if (index === undefined) return { kind: "invalid", path: "", message };
  return { kind: "invalid", path: error.field, index: Number(index), message };
}

/**
 * Streams a bundle's objects into `add` (a validator's or a linter's) and returns the envelope; a bundle that is
 * not well-formed JSON stops the reading and comes back as one `invalid` problem.
 */
export async function scanBundle(
  source: BundleSource,
  add: (value: unknown, index: number) => void,
): Promise<ScanOutcome> {
  try {
    const entries = readBundleEntries(source);
    let next = await entries.next();
    while (!next.done) {
      add(next.value.value, next.value.index);
      next = await entries.next();
    }
    return { envelope: next.value };
  } catch (error) {
    if (InvalidBundleError.isInstance(error)) return { syntax: syntaxProblem(error) };
    throw error;
  }
}

/** `invalid 1, wrong_id 2`: problems counted by kind, in order of first appearance. */
export function countByKind(problems: readonly BundleProblem[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${formatCount(count)}`).join(", ");
}
