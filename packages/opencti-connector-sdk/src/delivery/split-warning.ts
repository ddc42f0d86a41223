/**
 * Why the splitter removed a reference or dropped an object. pycti does all of these silently
 * (OpenCTI-Platform/client-python#862); the SDK reports each one.
 *
 * - `unsupported_type`: the reference's type prefix is not imported by the platform (e.g. `x-mitre-asset--…`).
 * - `missing_target`: the target is not in the bundle and `cleanupInconsistentBundle` is on.
 * - `self_reference`: the object references itself.
 * - `cycle`: the target is an ancestor on the current dependency path.
 * - `back_reference`: the target already references this object (the other half of a two-object cycle).
 * - `duplicate_reference`: the same id appears twice in one `_refs` list (one is kept).
 * - `invalid_reference`: the value is not a string id.
 * - `duplicate_external_reference`: an entry of `external_references` with the same id as an earlier one.
 * - `invalid_external_reference`: an entry with neither `url` nor both `source_name` and `external_id`.
 * - `duplicate_kill_chain_phase`: an entry of `kill_chain_phases` with the same name and phase as an earlier one.
 * - `incompatible_object`: the object is not sent: a relationship without both ends, a sighting without
 *   `sighting_of_ref` or `where_sighted_refs`, or an id of an unsupported type (`property` says which).
 * - `duplicate_object`: a later object with the same id (or internal id) replaced this one (only in bundles sent as
 *   they are: a connector's batches are de-duplicated when mapped).
 */
export type SplitWarningReason =
  | "unsupported_type"
  | "missing_target"
  | "self_reference"
  | "cycle"
  | "back_reference"
  | "duplicate_reference"
  | "invalid_reference"
  | "duplicate_external_reference"
  | "invalid_external_reference"
  | "duplicate_kill_chain_phase"
  | "incompatible_object"
  | "duplicate_object";

/** One reference removed from an object, or one object dropped, by the splitter. */
export interface SplitWarning {
  /** Id of the object whose reference was removed, or of the dropped object. */
  objectId: string;
  /** The property concerned, e.g. `object_refs`, `created_by_ref`, `external_references`, `source_ref`. */
  property: string;
  /** The removed value when it is a reference (or an external reference's url / `source_name:external_id`). */
  ref?: string;
  reason: SplitWarningReason;
}
