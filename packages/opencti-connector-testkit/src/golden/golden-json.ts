import { type ObjectSource, objectsOf } from "./object-source.js";

/** Options of {@link sortedObjects} and {@link goldenJson}. */
export interface GoldenOptions {
  /** Top-level properties removed from every object (e.g. `["created", "modified"]` for time-dependent data). */
  omit?: readonly string[];
}

/**
 * The objects of a source in a stable order (type, then id) with keys sorted at every depth and `omit`ted
 * properties removed: what golden files compare, so ingestion order and key order never cause a diff.
 */
export function sortedObjects(source: ObjectSource, options: GoldenOptions = {}): Record<string, unknown>[] {
  const omit = new Set(options.omit ?? []);
  return objectsOf(source)
    .map((object) => {
      if (typeof object !== "object" || object === null) throw new TypeError("every object must be a JSON object");
      const kept = Object.entries(object).filter(([key]) => !omit.has(key));
      return sortKeys(Object.fromEntries(kept)) as Record<string, unknown>;
    })
    .sort((a, b) => String(a.type).localeCompare(String(b.type)) || String(a.id).localeCompare(String(b.id)));
}

/** {@link sortedObjects} as two-space-indented JSON with a final newline (the golden file's content). */
export function goldenJson(source: ObjectSource, options: GoldenOptions = {}): string {
  return `${JSON.stringify(sortedObjects(source, options), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
