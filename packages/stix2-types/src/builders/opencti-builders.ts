import type { StixType } from "../schemas/stix-object-schemas.js";
import type { BuildContext } from "./build-context.js";
import { bindBuilder } from "./build-object.js";
import type { Builder, BuilderInput, DatedBuilderInput, UnidentifiedBuilderInput } from "./builder-input.js";

/** Builders of the OpenCTI domain objects and of the STIX meta objects, bound to `ctx`. */
export function openctiBuilders(ctx: BuildContext) {
  const make = <T extends StixType, I extends object>(type: T): Builder<T, I> =>
    bindBuilder(ctx, { type, kind: "domain" });
  return {
    /** Incident response case; `created` is required (part of its id). */
    caseIncident: make<"case-incident", DatedBuilderInput<"case-incident">>("case-incident"),
    /** Request for information; `created` is required (part of its id). */
    caseRfi: make<"case-rfi", DatedBuilderInput<"case-rfi">>("case-rfi"),
    /** Request for takedown; `created` is required (part of its id). */
    caseRft: make<"case-rft", DatedBuilderInput<"case-rft">>("case-rft"),
    /** Task; `created` is required (part of its id). */
    task: make<"task", DatedBuilderInput<"task">>("task"),
    /** Feedback; `created` is required (part of its id). */
    feedback: make<"feedback", DatedBuilderInput<"feedback">>("feedback"),
    /** Channel. */
    channel: make<"channel", BuilderInput<"channel">>("channel"),
    /** Narrative. */
    narrative: make<"narrative", BuilderInput<"narrative">>("narrative"),
    /** Data source. */
    dataSource: make<"data-source", BuilderInput<"data-source">>("data-source"),
    /** Data component. */
    dataComponent: make<"data-component", BuilderInput<"data-component">>("data-component"),
    /** Event. */
    event: make<"event", BuilderInput<"event">>("event"),
    /** Language. */
    language: make<"language", BuilderInput<"language">>("language"),
    /** Security coverage of the object `covered_ref` (which identifies it). */
    securityCoverage: make<"security-coverage", BuilderInput<"security-coverage">>("security-coverage"),
    /** Language content (no deterministic rule: random id unless `id` is given). */
    languageContent: make<"language-content", UnidentifiedBuilderInput<"language-content">>("language-content"),
    /** Extension definition (no deterministic rule: random id unless `id` is given); needs an author (`created_by_ref`, or the bound `createdBy`). */
    extensionDefinition: make<
      "extension-definition",
      UnidentifiedBuilderInput<"extension-definition", "created_by_ref">
    >("extension-definition"),
  };
}
