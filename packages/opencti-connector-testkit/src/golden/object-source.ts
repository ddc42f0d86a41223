import type { IngestedObject } from "../store/ingest-store.js";

/** Where objects are read from: a running platform (its ingested objects), a bundle, or a list of objects. */
export type ObjectSource =
  | { objects(): readonly IngestedObject[] }
  | {
      readonly type?: unknown;
      readonly id?: unknown;
      readonly spec_version?: unknown;
      readonly objects: readonly unknown[];
    }
  | readonly unknown[];

/** The objects of a source, as given. */
export function objectsOf(source: ObjectSource): readonly unknown[] {
  if (Array.isArray(source)) return source;
  const { objects } = source as { objects: unknown };
  if (typeof objects === "function") return (source as { objects(): readonly IngestedObject[] }).objects();
  if (Array.isArray(objects)) return objects;
  throw new TypeError("expected a platform, a bundle ({ objects: [...] }) or an array of STIX objects");
}
