import type { Sighting } from "../schemas/sro.js";
import type { BuildContext } from "./build-context.js";
import { buildObject } from "./build-object.js";
import type { Builder, BuilderInput } from "./builder-input.js";

/** Input of the sighting builders: `where_sighted_refs` is required. */
export type SightingInput = BuilderInput<"sighting", never, "where_sighted_refs">;

/** Builders of the STIX 2.1 relationship objects, bound to `ctx`. */
export function relationshipBuilders(ctx: BuildContext) {
  const sighting: Builder<"sighting", SightingInput> = (input) =>
    buildObject(
      {
        type: "sighting",
        kind: "domain",
        prepare: (object, _ctx, report) => {
          const targets = object.where_sighted_refs;
          if (Array.isArray(targets) && targets.length > 1) {
            report(
              "where_sighted_refs",
              "must hold a single target: the platform identifies a sighting by one target (use sightingsPerTarget)",
            );
          }
        },
      },
      input,
      ctx,
    );
  return {
    /**
     * Relationship between two objects (ids of its ends). Its id includes `start_time` and `stop_time`: with
     * both set, every new time window makes a new relationship on the platform.
     */
    relationship: ((input) => buildObject({ type: "relationship", kind: "domain" }, input, ctx)) as Builder<
      "relationship",
      BuilderInput<"relationship">
    >,
    /** Sighting of `sighting_of_ref` by exactly one target in `where_sighted_refs` (as the platform stores it). */
    sighting,
    /** One sighting per entry of `where_sighted_refs`, each with its own deterministic id. */
    sightingsPerTarget: (input: SightingInput): Sighting[] =>
      input.where_sighted_refs.map((target) => sighting({ ...input, where_sighted_refs: [target] })),
  };
}
