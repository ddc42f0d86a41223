import { isObservableType } from "@org/stix2-types";
import type { IngestedObject } from "../store/ingest-store.js";

/**
 * Whether the worker imports `item` under an envelope's `entities_types` (empty: everything). Markings are always
 * imported; identities and locations also match on their class or location type; observables on `observable`.
 */
export function isInEntityScope(item: IngestedObject, types: readonly string[] | null | undefined): boolean {
  if (!types || types.length === 0 || item.type === "marking-definition") return true;
  const scope = types.map((t) => t.toLowerCase());
  if (scope.includes(item.type)) return true;
  if (item.type === "identity" && typeof item.identity_class === "string") {
    return scope.includes(item.identity_class) || (item.identity_class === "class" && scope.includes("sector"));
  }
  if (item.type === "location" && typeof item.x_opencti_location_type === "string") {
    return scope.includes(item.x_opencti_location_type.toLowerCase());
  }
  return scope.includes("observable") && isObservableType(item.type);
}
