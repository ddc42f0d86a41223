import { MappingError } from "@org/opencti-connector-sdk";
import {
  type ExternalReference,
  type StixBuilders,
  type StixObject,
  type StixObservable,
  StixValidationError,
} from "@org/stix2-types";
import { z } from "zod";
import type { SourceRecord } from "./client.js";

/** Name of the source in external references (and of the author identity). */
export const SOURCE_NAME = "Template Feed";

/** The observable kinds the source reports, and the STIX observable each becomes. */
export const RECORD_KINDS = ["ipv4", "ipv6", "domain", "url", "sha256"] as const;

/**
 * One indicator record of the source, as the mapping needs it. Checked record by record: a record this schema
 * rejects is skipped with a `MappingError` (logged with its id, counted, listed on the work), the others go on.
 */
export const indicatorRecordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(RECORD_KINDS),
  value: z.string().trim().min(1),
  description: z.string().optional(),
  /** Malware family the indicator points to; `null` when none is known. */
  malware: z.string().trim().min(1).nullable().default(null),
  labels: z.array(z.string().trim().min(1)).default([]),
  confidence: z.number().int().min(0).max(100).optional(),
  first_seen: z.iso.datetime({ offset: true }),
  valid_until: z.iso.datetime({ offset: true }).nullable().optional(),
  updated_at: z.iso.datetime({ offset: true }),
  reference_url: z.url().optional(),
});

/** A record accepted by {@link indicatorRecordSchema}. */
export type IndicatorRecord = z.output<typeof indicatorRecordSchema>;

/** Reads a record's content; throws a `MappingError` naming every rejected field. */
export function parseIndicatorRecord(record: SourceRecord): IndicatorRecord {
  const result = indicatorRecordSchema.safeParse(record);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => `${issue.path.join(".") || "(record)"}: ${issue.message}`);
  throw new MappingError(`Invalid record: ${fields.join("; ")}`, { recordId: record.id, cause: result.error });
}

/** The observable of a record, built with the bound builders (author and markings attached). */
function observableOf(record: IndicatorRecord, stix: StixBuilders): StixObservable {
  const common = { x_opencti_score: record.confidence, x_opencti_description: record.description };
  switch (record.kind) {
    case "ipv4":
      return stix.ipv4Address({ value: record.value, ...common });
    case "ipv6":
      return stix.ipv6Address({ value: record.value, ...common });
    case "domain":
      return stix.domainName({ value: record.value.toLowerCase(), ...common });
    case "url":
      return stix.url({ value: record.value, ...common });
    case "sha256":
      return stix.file({ hashes: { "SHA-256": record.value.toLowerCase() }, ...common });
  }
}

function externalReferenceOf(record: IndicatorRecord): ExternalReference {
  return {
    source_name: SOURCE_NAME,
    external_id: record.id,
    ...(record.reference_url === undefined ? {} : { url: record.reference_url }),
  };
}

/**
 * Maps one source record to STIX, with builders bound to the author, the markings and the clock (`context.stix`
 * in the connector): the observable, an indicator detecting it (`valid_from` = first seen, the record's labels,
 * confidence and external reference), a `based-on` relationship from the indicator to the observable and, when
 * the record names a malware family, the malware and an `indicates` relationship. Every id is deterministic
 * (the platform's `standard_id`), so a record sent twice updates the same objects.
 *
 * @throws MappingError when the record is invalid (schema) or its values are refused by the STIX builders
 * (e.g. `valid_until` before `first_seen`): the connector skips the record and goes on.
 */
export function mapRecord(source: SourceRecord, stix: StixBuilders): StixObject[] {
  const record = parseIndicatorRecord(source);
  try {
    const dates = { created: record.first_seen, modified: record.updated_at };
    const observable = observableOf(record, stix);
    const indicator = stix.indicatorFor(observable, {
      ...dates,
      description: record.description,
      valid_from: record.first_seen,
      ...(record.valid_until ? { valid_until: record.valid_until } : {}),
      confidence: record.confidence,
      labels: record.labels.length > 0 ? record.labels : undefined,
      external_references: [externalReferenceOf(record)],
      x_opencti_score: record.confidence,
    });
    const basedOn = stix.relationship({
      ...dates,
      relationship_type: "based-on",
      source_ref: indicator.id,
      target_ref: observable.id,
    });
    const objects: StixObject[] = [observable, indicator, basedOn];
    if (record.malware !== null) {
      const malware = stix.malware({ name: record.malware, is_family: true });
      const indicates = stix.relationship({
        ...dates,
        relationship_type: "indicates",
        source_ref: indicator.id,
        target_ref: malware.id,
      });
      objects.push(malware, indicates);
    }
    return objects;
  } catch (error) {
    if (StixValidationError.isInstance(error)) {
      throw new MappingError(error.message, { recordId: record.id, cause: error });
    }
    throw error;
  }
}
