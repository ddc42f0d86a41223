import { MappingError } from "@org/opencti-connector-sdk";
import {
  defaultBuilders,
  generateId,
  hasDeterministicId,
  type Identity,
  isObservableType,
  type MarkingDefinition,
  type StixObject,
  StixValidationError,
} from "@org/stix2-types";
import type { DatasetFile, DatasetObject } from "./client.js";

/**
 * The author of every object: Filigran, which publishes the datasets (each file carries this same identity, which
 * the connector replaces with this one). Its dates are fixed so the author is the same object in every run.
 */
export const FILIGRAN_AUTHOR: Identity = defaultBuilders.identity({
  name: "Filigran",
  identity_class: "organization",
  description:
    "Filigran is a cybertech founded in 2022, providing cyber threat intelligence, adversary simulation and crisis management solutions to cybersecurity teams across the world.",
  x_opencti_organization_type: "vendor",
  created: "2023-11-19T00:00:00.000Z",
  modified: "2023-11-19T00:00:00.000Z",
});

/** One object of a dataset file. */
export interface DatasetRecord {
  /** The file's name without `.json`. */
  readonly file: string;
  readonly entry: DatasetObject;
}

/**
 * The records of a file to send: every object but its marking definitions and its copies of `author` (the SDK
 * sends the author and the connector's markings first in every batch, and every object is re-marked).
 */
export function datasetRecords(file: DatasetFile, author: Identity): DatasetRecord[] {
  return file.objects
    .filter(
      (entry) => !("object" in entry) || (entry.object.type !== "marking-definition" && entry.object.id !== author.id),
    )
    .map((entry) => ({ file: file.name, entry }));
}

/** How a record is named in logs and on the work: `sectors.json objects[3] identity--…`. */
export function datasetRecordId(record: DatasetRecord): string {
  const { entry } = record;
  const id = "object" in entry ? entry.object.id : entry.id;
  return `${record.file}.json objects[${entry.index}]${id === undefined ? "" : ` ${id}`}`;
}

/** True when the platform can compute the object's `standard_id` (every property its id rule needs is there). */
function platformCanIdentify(object: StixObject): boolean {
  if (!hasDeterministicId(object.type)) return true;
  try {
    generateId(object);
    return true;
  } catch (error) {
    if (!StixValidationError.isInstance(error)) throw error;
    return false;
  }
}

/**
 * Re-issues one foreign object under the connector's author and markings, otherwise as the file has it (a
 * passthrough: validate, keep ids, re-mark, send):
 *
 * - the object keeps its id from the file, and so do its references: the platform computes its own `standard_id`
 *   on import and records the id it was sent in `x_opencti_stix_ids`, so the object resolves under both;
 * - `created_by_ref` (`x_opencti_created_by_ref` for observables) becomes `author`, `object_marking_refs` become
 *   `markings`, and granular markings are dropped.
 *
 * The result passes `lintBundle(bundle, { foreignIds: true })`: author and markings, ids as given.
 *
 * @throws MappingError for an object that is not valid STIX (its problems listed) or that the platform cannot
 * identify: the SDK skips it, logs it and reports it on the work.
 */
export function mapDatasetRecord(
  record: DatasetRecord,
  author: Identity,
  markings: readonly MarkingDefinition[],
): StixObject {
  const { entry } = record;
  const recordId = datasetRecordId(record);
  if (!("object" in entry)) {
    const problems = entry.issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
    throw new MappingError(`invalid STIX object: ${problems}`, { recordId });
  }
  const { object } = entry;
  if (!platformCanIdentify(object)) {
    throw new MappingError("the platform cannot compute an id for it (a property it is identified by is missing)", {
      recordId,
    });
  }
  const { granular_markings: _granular, created_by_ref: _createdBy, ...rest } = object as Record<string, unknown>;
  const authorKey = isObservableType(object.type) ? "x_opencti_created_by_ref" : "created_by_ref";
  return {
    ...rest,
    [authorKey]: author.id,
    object_marking_refs: markings.map((marking) => marking.id),
  } as StixObject;
}
