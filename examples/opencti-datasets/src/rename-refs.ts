import type { StixObject } from "@org/stix2-types";

function rename(value: unknown, key: string, ids: ReadonlyMap<string, string>): unknown {
  if (key.endsWith("_ref") && typeof value === "string") return ids.get(value) ?? value;
  if (key.endsWith("_refs") && Array.isArray(value)) {
    return value.map((ref: unknown) => (typeof ref === "string" ? (ids.get(ref) ?? ref) : ref));
  }
  if (Array.isArray(value)) return value.map((item: unknown) => rename(item, "", ids));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, k, ids)]));
  }
  return value;
}

/** A copy of `object` whose references (`*_ref`, `*_refs`, at any depth) found in `ids` are replaced. */
export function renameRefs<T extends StixObject>(object: T, ids: ReadonlyMap<string, string>): T {
  return rename(object, "", ids) as T;
}
