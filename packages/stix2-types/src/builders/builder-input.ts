import type { StixObjectByType, StixType } from "../schemas/stix-object-schemas.js";

/** Properties every builder fills itself. */
type Filled = "type" | "id" | "spec_version" | "created" | "modified";

/**
 * The input of the builder of type `T`: the object's properties without those the builder fills (`type`, `id`,
 * `spec_version`; `created`/`modified` may be given), with `Optional` properties made optional (the builder has a
 * default) and `Required` ones made required (OpenCTI needs them).
 */
export type BuilderInput<T extends StixType, Optional extends string = never, Required extends string = never> = Omit<
  StixObjectByType[T],
  Filled | Optional | Required
> & {
  /** Creation time (STIX timestamp); defaults to now. */
  created?: string;
  /** Modification time (STIX timestamp); defaults to `created`. */
  modified?: string;
} & { [K in Optional & keyof StixObjectByType[T]]?: StixObjectByType[T][K] } & {
  [K in Required & keyof StixObjectByType[T]]-?: Exclude<StixObjectByType[T][K], undefined>;
};

/** Input of the types whose platform id includes `created`, which must therefore come from the source. */
export type DatedBuilderInput<
  T extends StixType,
  Optional extends string = never,
  Required extends string = never,
> = BuilderInput<T, Optional, Required> & {
  /** Creation time from the source: part of the platform id, so it must be stable across runs. */
  created: string;
};

/** The input of the builder of a type without a deterministic id rule: an explicit `id` may be given. */
export type UnidentifiedBuilderInput<T extends StixType, Optional extends string = never> = BuilderInput<
  T,
  Optional
> & {
  /** The object's id; a random `<type>--<uuidv4>` when absent. */
  id?: string;
};

/** A builder: takes the type's input, returns the validated object. */
export type Builder<T extends StixType, I> = (input: I) => StixObjectByType[T];
