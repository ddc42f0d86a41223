import type { IngestedObject } from "../store/ingest-store.js";

/** A short human label of a STIX object: its name, value, or what a relationship says. */
export function displayName(object: IngestedObject): string {
  for (const key of ["name", "value", "pattern", "opinion", "content", "path", "key"]) {
    const value = object[key];
    if (typeof value === "string" && value !== "") return value;
  }
  if (object.type === "relationship" && typeof object.relationship_type === "string") {
    return `${String(object.source_ref)} ${object.relationship_type} ${String(object.target_ref)}`;
  }
  return "";
}
