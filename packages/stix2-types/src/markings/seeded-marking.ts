import type { MarkingDefinition } from "../schemas/meta.js";

/** The `created` timestamp of the seeded TLP/PAP markings: constant, so bundles are reproducible. */
export const SEEDED_MARKING_CREATED = "2017-01-20T00:00:00.000Z";

/**
 * A marking definition the platform seeds, in the emission form of spec §9.5: the STIX definition (`tlp` or
 * `statement`) plus `x_opencti_definition_type` / `x_opencti_definition` (what the platform stores). Frozen.
 */
export function seededMarking(
  id: string,
  name: string,
  definitionType: "TLP" | "PAP",
  definition: Readonly<{ tlp: string } | { statement: string }>,
): MarkingDefinition {
  return Object.freeze({
    type: "marking-definition" as const,
    spec_version: "2.1" as const,
    id: `marking-definition--${id}`,
    created: SEEDED_MARKING_CREATED,
    name,
    definition_type: "tlp" in definition ? "tlp" : "statement",
    definition: Object.freeze({ ...definition }),
    x_opencti_definition_type: definitionType,
    x_opencti_definition: name,
  });
}
