import { type MarkingDefinition, parseStixObject, type StixObject } from "@org/stix2-types";
import { MappingError } from "../errors/mapping-error.js";
import type { Logger } from "../logging/logger.js";
import { mergeDuplicateObjects } from "./merge-duplicate-objects.js";

/** What `toStix()` may return for one record: objects, or nothing to import (the record is filtered out). */
export type StixOutput = StixObject | readonly StixObject[] | null | undefined;

/** A record `toStix()` rejected with a {@link MappingError}. */
export interface SkippedRecord {
  /** The error's `recordId`, else the connector's `recordId(record)`, else `batch <n> record <i>`. */
  recordId: string;
  error: MappingError;
}

/** A batch of records (or its part up to the object budget) mapped to STIX. */
export interface MappedBatch {
  /** One object per id (see `mergeDuplicateObjects`). */
  objects: StixObject[];
  skipped: SkippedRecord[];
  /** Records mapped to nothing (`null`, `undefined` or `[]`). */
  filtered: number;
  /** Index of the first record not mapped yet (`records.length` once the batch is done). */
  next: number;
}

/** Options of {@link mapBatch}. */
export interface MapBatchOptions<R> {
  toStix: (record: R) => StixOutput | Promise<StixOutput>;
  recordId?: ((record: R) => string | undefined) | undefined;
  /** Check each returned object with its STIX schema (`parseStixObject`). */
  validate: boolean;
  /** First record to map; default 0. */
  start?: number;
  /** Stop after the record that brings the objects to this many; default no limit. */
  maxObjects?: number;
  /** Receives the DEBUG line listing objects merged because they shared an id with different contents. */
  logger?: Logger | undefined;
}

/** Merged ids listed in the DEBUG line, at most. */
const LOGGED_MERGES = 100;

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function idOf<R>(record: R, index: number, batch: number, recordId: MapBatchOptions<R>["recordId"]): string {
  try {
    const id = recordId?.(record);
    if (id !== undefined && id !== "") return id;
  } catch {
    // An id that cannot be computed falls back to the record's position.
  }
  return `batch ${batch} record ${index + 1}`;
}

/**
 * Maps a batch of records with `toStix()`, from `start` until the batch ends or `maxObjects` objects were made
 * (`next` says where to go on): a {@link MappingError} skips its record (returned in `skipped`), an empty result
 * filters it, any other error rejects (it fails the run). Synchronous `toStix()` results are not awaited, so a
 * large batch costs no extra promise per record. Objects several records produced alike are returned once
 * (`mergeDuplicateObjects`: exact repeats dropped silently, same-id objects with different contents merged as
 * `createBundle` does, with one DEBUG line).
 *
 * @throws StixValidationError when `validate` is set and a returned object is not valid STIX.
 */
export async function mapBatch<R>(
  records: readonly R[],
  batch: number,
  options: MapBatchOptions<R>,
): Promise<MappedBatch> {
  const objects: StixObject[] = [];
  const skipped: SkippedRecord[] = [];
  let filtered = 0;
  const maxObjects = options.maxObjects ?? Number.POSITIVE_INFINITY;
  let index = options.start ?? 0;
  for (; index < records.length && objects.length < maxObjects; index++) {
    const record = records[index] as R;
    let output: StixOutput;
    try {
      const result = options.toStix(record);
      output = isPromiseLike(result) ? await result : result;
    } catch (error) {
      if (!MappingError.isInstance(error)) throw error;
      skipped.push({ recordId: error.recordId ?? idOf(record, index, batch, options.recordId), error });
      continue;
    }
    const list: readonly StixObject[] =
      output === null || output === undefined ? [] : Array.isArray(output) ? output : [output as StixObject];
    if (list.length === 0) filtered += 1;
    for (const object of list) {
      if (options.validate) parseStixObject(object);
      objects.push(object);
    }
  }
  const unique = mergeDuplicateObjects(objects);
  if (unique.merged.length > 0) {
    options.logger?.debug("Objects sharing an id with different contents merged: the latest modified is sent", {
      batch,
      count: unique.merged.length,
      ids: unique.merged.slice(0, LOGGED_MERGES),
    });
  }
  return { objects: unique.objects, skipped, filtered, next: index };
}

/**
 * Puts the author and the markings in front of every batch (spec §6.1: cleanup never removes them, and the
 * platform never receives a reference to an object it has not seen): the author identity, the default markings,
 * then any known marking (TLP, PAP) an object of the batch references. Objects of the batch with one of those ids
 * are not repeated.
 */
export class BatchDefaults {
  readonly #author: StixObject;
  readonly #markings: readonly MarkingDefinition[];
  readonly #known: ReadonlyMap<string, MarkingDefinition>;
  readonly #prefixIds: ReadonlySet<string>;

  constructor(author: StixObject, markings: readonly MarkingDefinition[], known: readonly MarkingDefinition[]) {
    this.#author = author;
    this.#markings = markings;
    this.#known = new Map(known.map((marking) => [marking.id, marking]));
    this.#prefixIds = new Set([author.id, ...markings.map((m) => m.id)]);
  }

  /** `objects` preceded by the author, the default markings and the referenced known markings. */
  apply(objects: readonly StixObject[]): StixObject[] {
    const referenced = new Map<string, MarkingDefinition>();
    for (const object of objects) {
      const refs = (object as { object_marking_refs?: readonly string[] }).object_marking_refs;
      if (refs === undefined) continue;
      for (const ref of refs) {
        const marking = this.#known.get(ref);
        if (marking !== undefined && !this.#prefixIds.has(ref)) referenced.set(ref, marking);
      }
    }
    const batch: StixObject[] = [this.#author, ...this.#markings, ...referenced.values()];
    const skip = referenced.size === 0 ? this.#prefixIds : new Set([...this.#prefixIds, ...referenced.keys()]);
    for (const object of objects) if (!skip.has(object.id)) batch.push(object);
    return batch;
  }
}
