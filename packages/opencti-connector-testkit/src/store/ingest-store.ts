import type { Clock } from "@org/opencti-connector-sdk";
import { findRefs } from "@org/stix2-types";

/** A STIX object as ingested (any STIX 2.1 or OpenCTI type). */
export interface IngestedObject {
  readonly id: string;
  readonly type: string;
  readonly [property: string]: unknown;
}

/** Where an ingested object came from. */
export interface IngestedRecord {
  readonly object: IngestedObject;
  readonly connectorId: string | null;
  readonly workId: string | null;
  /** First ingestion time. */
  readonly ingestedAt: string;
  /** How many times the object was ingested (upserts keep the latest version). */
  readonly versions: number;
}

/** A reference (`*_ref`, `*_refs`, at any depth) of an ingested object that points to nothing stored or seeded. */
export interface DanglingReference {
  /** Id of the object holding the reference. */
  readonly from: string;
  /** JSON path of the reference in that object, e.g. `created_by_ref` or `object_marking_refs[1]`. */
  readonly path: string;
  /** The missing id. */
  readonly ref: string;
}

/**
 * Every object the worker imported, by id, with counts per type. Objects that already exist are replaced by the
 * newer version (the platform upserts). Ids in `seededIds` (the platform's TLP and PAP markings) count as present
 * when resolving references, as on a fresh platform.
 */
export class IngestStore {
  readonly #clock: Clock;
  readonly #seeded: ReadonlySet<string>;
  readonly #records = new Map<string, IngestedRecord>();
  readonly #onChange: (record: IngestedRecord) => void;

  constructor(options: { clock: Clock; seededIds: Iterable<string>; onChange?: (record: IngestedRecord) => void }) {
    this.#clock = options.clock;
    this.#seeded = new Set(options.seededIds);
    this.#onChange = options.onChange ?? (() => {});
  }

  /** Stores (or replaces) an object. */
  upsert(object: IngestedObject, origin: { connectorId: string | null; workId: string | null }): IngestedRecord {
    const previous = this.#records.get(object.id);
    const record: IngestedRecord = Object.freeze({
      object: deepFreeze(structuredClone(object)),
      connectorId: origin.connectorId,
      workId: origin.workId,
      ingestedAt: previous?.ingestedAt ?? new Date(this.#clock.now()).toISOString(),
      versions: (previous?.versions ?? 0) + 1,
    });
    this.#records.set(object.id, record);
    this.#onChange(record);
    return record;
  }

  /** True when the id is stored or seeded. */
  has(id: string): boolean {
    return this.#records.has(id) || this.#seeded.has(id);
  }

  get(id: string): IngestedRecord | undefined {
    return this.#records.get(id);
  }

  /** Stored records in ingestion order, optionally filtered. */
  records(filter: { type?: string; connectorId?: string; workId?: string } = {}): IngestedRecord[] {
    return [...this.#records.values()].filter(
      (r) =>
        (filter.type === undefined || r.object.type === filter.type) &&
        (filter.connectorId === undefined || r.connectorId === filter.connectorId) &&
        (filter.workId === undefined || r.workId === filter.workId),
    );
  }

  /** Number of stored objects per STIX type, types sorted. */
  countsByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const type of [...this.#records.values()].map((r) => r.object.type).sort()) {
      counts[type] = (counts[type] ?? 0) + 1;
    }
    return counts;
  }

  /** References of `object` that resolve to nothing stored or seeded. */
  missingReferences(object: IngestedObject): DanglingReference[] {
    return findRefs(object)
      .filter((r) => !this.has(r.ref))
      .map((r) => ({ from: object.id, path: r.path, ref: r.ref }));
  }

  /** Every dangling reference of every stored object, sorted by holder id then path. */
  danglingReferences(): DanglingReference[] {
    return [...this.#records.values()]
      .flatMap((r) => this.missingReferences(r.object))
      .sort((a, b) => a.from.localeCompare(b.from) || a.path.localeCompare(b.path));
  }

  get size(): number {
    return this.#records.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
