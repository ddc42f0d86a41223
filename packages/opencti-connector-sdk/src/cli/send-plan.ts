import { parseBundle, parseStixObject, StixValidationError } from "@org/stix2-types";
import { objectPath } from "../validation/bundle-problem.js";
import { type BundleSource, readBundleEntries } from "../validation/read-bundle-objects.js";
import { CliError } from "./cli-error.js";

/** What the first pass over a bundle to send found. */
export interface SendPlan {
  /** The bundle's id, carried by every batch. */
  readonly bundleId: string;
  readonly objects: number;
  /** Objects per STIX type, in order of first appearance. */
  readonly byType: ReadonlyMap<string, number>;
}

function firstIssue(error: unknown, at: (path: string) => string): string {
  if (!StixValidationError.isInstance(error)) throw error;
  const issue = error.issues[0];
  return issue === undefined ? at("") : `${at(issue.path)}: ${issue.message}`;
}

/**
 * Reads the whole bundle once, checking the envelope and every object with its STIX schema and counting them by
 * type, so that nothing is sent from a bundle with an invalid object.
 *
 * @throws CliError naming how many objects are invalid and the first problem.
 */
export async function planSend(source: BundleSource, label: string): Promise<SendPlan> {
  const byType = new Map<string, number>();
  let invalid = 0;
  let first: string | undefined;
  const entries = readBundleEntries(source);
  let next = await entries.next();
  while (!next.done) {
    const { index, value } = next.value;
    try {
      const object = parseStixObject(value);
      byType.set(object.type, (byType.get(object.type) ?? 0) + 1);
    } catch (error) {
      invalid++;
      first ??= firstIssue(error, (path) => objectPath(index, path));
    }
    next = await entries.next();
  }
  const envelope = next.value;
  try {
    parseBundle({ ...envelope.properties, objects: [] });
  } catch (error) {
    invalid++;
    first ??= firstIssue(error, (path) => path || "bundle");
  }
  if (invalid > 0) {
    const count = invalid === 1 ? "1 invalid object or property" : `${invalid} invalid objects or properties`;
    throw new CliError(
      `${label} is not a valid STIX bundle, nothing was sent: ${count}, the first: ${first}` +
        ` ("opencti-connector validate" lists them all)`,
    );
  }
  if (envelope.objectCount === 0) throw new CliError(`${label} has no objects: nothing to send`);
  return { bundleId: envelope.properties.id as string, objects: envelope.objectCount, byType };
}
