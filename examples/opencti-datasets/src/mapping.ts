import { MappingError } from "@org/opencti-connector-sdk";
import {
  defaultBuilders,
  hasDeterministicId,
  type Identity,
  isObservableType,
  type MarkingDefinition,
  type StixObject,
} from "@org/stix2-types";
import type { DatasetFile, DatasetObject } from "./client.js";
import { renameRefs } from "./rename-refs.js";

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

/** One object of a dataset file, with the platform ids of every object of the run's files. */
export interface DatasetRecord {
  /** The file's name without `.json`. */
  readonly file: string;
  readonly entry: DatasetObject;
  /** Platform id by id in the files (see `platformIds`). */
  readonly ids: ReadonlyMap<string, string>;
}

/**
 * The records of a file to send: every object but its marking definitions and its copies of `author` (the SDK
 * sends the author and the connector's markings first in every batch, and every object is re-marked).
 */
export function datasetRecords(file: DatasetFile, ids: ReadonlyMap<string, string>, author: Identity): DatasetRecord[] {
  return file.objects
    .filter(
      (entry) =>
        !("object" in entry) || (entry.object.type !== "marking-definition" && ids.get(entry.object.id) !== author.id),
    )
    .map((entry) => ({ file: file.name, entry, ids }));
}

/** How a record is named in logs and on the work: `sectors.json objects[3] identity--…`. */
export function datasetRecordId(record: DatasetRecord): string {
  const { entry } = record;
  const id = "object" in entry ? entry.object.id : entry.id;
  return `${record.file}.json objects[${entry.index}]${id === undefined ? "" : ` ${id}`}`;
}

/**
 * Re-issues one foreign object under the connector's author and markings, otherwise as the file has it:
 *
 * - the object gets the platform's id (`standard_id`, which the platform would compute on import anyway) and keeps
 *   its id from the file in `x_opencti_stix_ids`, so both resolve to it; its references are renamed the same way;
 * - `created_by_ref` (`x_opencti_created_by_ref` for observables) becomes `author`, `object_marking_refs` become
 *   `markings`, and granular markings are dropped;
 *
 * @throws MappingError for an object that is not valid STIX (its problems listed) or that the platform cannot
 * identify: the SDK skips it, logs it and reports it on the work.
 */
export function mapDatasetRecord(
  record: DatasetRecord,
  author: Identity,
  markings: readonly MarkingDefinition[],
): StixObject {
  const { entry, ids } = record;
  const recordId = datasetRecordId(record);
  if (!("object" in entry)) {
    const problems = entry.issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
    throw new MappingError(`invalid STIX object: ${problems}`, { recordId });
  }
  const { object } = entry;
  const id = hasDeterministicId(object.type) ? ids.get(object.id) : object.id;
  if (id === undefined) {
    throw new MappingError("the platform cannot compute an id for it (a property it is identified by is missing)", {
      recordId,
    });
  }
  const {
    granular_markings: _granular,
    created_by_ref: _createdBy,
    ...rest
  } = renameRefs(object, ids) as Record<string, unknown>;
  const knownIds = Array.isArray(rest.x_opencti_stix_ids) ? (rest.x_opencti_stix_ids as string[]) : [];
  const stixIds = id === object.id ? knownIds : [...new Set([...knownIds, object.id])];
  const authorKey = isObservableType(object.type) ? "x_opencti_created_by_ref" : "created_by_ref";
  return {
    ...rest,
    id,
    ...(stixIds.length > 0 ? { x_opencti_stix_ids: stixIds } : {}),
    [authorKey]: author.id,
    object_marking_refs: markings.map((marking) => marking.id),
  } as StixObject;
}
