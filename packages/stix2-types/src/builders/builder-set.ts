import { type BuildContext, type BuilderDefaults, createBuildContext } from "./build-context.js";
import { indicatorForBuilder } from "./indicator-for.js";
import { openctiBuilders } from "./opencti-builders.js";
import { relationshipBuilders } from "./relationship-builders.js";
import { scoBuilders } from "./sco-builders.js";
import { sdoBuilders } from "./sdo-builders.js";
import { statementMarkingBuilder } from "./statement-marking.js";

function createBuilders(ctx: BuildContext) {
  const sdo = sdoBuilders(ctx);
  return {
    ...sdo,
    ...openctiBuilders(ctx),
    ...relationshipBuilders(ctx),
    ...scoBuilders(ctx),
    statementMarking: statementMarkingBuilder(ctx),
    indicatorFor: indicatorForBuilder(sdo.indicator),
  };
}

/** The full set of builders, one per type, as returned by {@link withDefaults}. */
export type StixBuilders = ReturnType<typeof createBuilders>;

/**
 * Returns the builders with an author, markings and a clock bound: every object they build carries `createdBy`
 * (`created_by_ref`, or `x_opencti_created_by_ref` on observables) unless the input names another author, and
 * `markings` in `object_marking_refs` (merged with the input's). `now` fixes `created`/`modified` defaults, for
 * reproducible output. Marking definitions built with `statementMarking` get neither.
 *
 * @example
 * const b = withDefaults({ createdBy: author, markings: [TLP_AMBER] });
 * const ip = b.ipv4Address({ value: "198.51.100.7" });
 */
export function withDefaults(defaults: BuilderDefaults): StixBuilders {
  return createBuilders(createBuildContext(defaults));
}

/** The builders without defaults: no author, no markings, `created`/`modified` from the system clock. */
export const defaultBuilders: StixBuilders = createBuilders(createBuildContext());
