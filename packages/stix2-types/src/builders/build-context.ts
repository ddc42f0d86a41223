import { StixValidationError } from "../errors/stix-validation-error.js";
import { isStixIdentifier } from "../schemas/common/primitives.js";
import { formatStixTimestamp } from "../timestamps/stix-timestamp.js";

/** A reference given either as a STIX id or as the object itself (only its `id` is used). */
export type RefInput = string | { readonly id: string };

/** Options of {@link withDefaults}: what every object built by the returned builders carries. */
export interface BuilderDefaults {
  /** The author (an identity or its id): `created_by_ref`, or `x_opencti_created_by_ref` on observables. */
  createdBy?: RefInput;
  /** Markings (marking definitions or their ids) added to every object's `object_marking_refs`. */
  markings?: readonly RefInput[];
  /** The clock used for `created`/`modified` when not given: a `Date`, epoch milliseconds, or a function. */
  now?: Date | number | (() => Date | number);
}

/** What the builders read when they fill an object (resolved from {@link BuilderDefaults}). */
export interface BuildContext {
  readonly createdBy: string | undefined;
  readonly markings: readonly string[];
  readonly now: () => string;
}

function refId(ref: RefInput, path: string, types: readonly string[]): string {
  const id = typeof ref === "string" ? ref : ref?.id;
  if (typeof id !== "string" || !isStixIdentifier(id, types)) {
    throw new StixValidationError([
      { path, message: `must be a ${types.join(" or ")} or its STIX id (got ${JSON.stringify(id)})` },
    ]);
  }
  return id;
}

/** Resolves builder defaults, checking the author and marking references. */
export function createBuildContext(defaults: BuilderDefaults = {}): BuildContext {
  const { now } = defaults;
  const clock =
    now === undefined
      ? () => formatStixTimestamp(Date.now())
      : typeof now === "function"
        ? () => formatStixTimestamp(now())
        : () => formatStixTimestamp(now);
  return Object.freeze({
    createdBy: defaults.createdBy === undefined ? undefined : refId(defaults.createdBy, "createdBy", ["identity"]),
    markings: Object.freeze(
      (defaults.markings ?? []).map((marking, i) => refId(marking, `markings[${i}]`, ["marking-definition"])),
    ),
    now: clock,
  });
}
