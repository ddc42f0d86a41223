import { z } from "zod";
import { checkVersionTimestamps, domainCommon } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { extensionsSchema, externalReferenceSchema, granularMarkingSchema } from "./common/embedded.js";
import { identifier, nonEmptyString, refList, timestampSchema } from "./common/primitives.js";

// STIX 2.1 §7.2.1.4: the TLP 1.0 marking definitions have fixed ids.
const TLP_IDS: Readonly<Record<string, string>> = {
  white: "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
  green: "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
  amber: "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
  red: "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
};

/**
 * STIX 2.1 marking definition (TLP, statement, or extension-defined), with OpenCTI's `x_opencti_definition_type`
 * / `x_opencti_definition` (what the platform stores), order and colour. A `tlp` definition must carry the id
 * STIX fixes for its level.
 */
export const markingDefinitionSchema = defineStixObject(
  "marking-definition",
  {
    spec_version: z.literal("2.1"),
    created_by_ref: identifier(["identity"]).optional(),
    created: timestampSchema,
    external_references: z.array(externalReferenceSchema).min(1).optional(),
    object_marking_refs: refList(["marking-definition"]).optional(),
    granular_markings: z.array(granularMarkingSchema).min(1).optional(),
    name: nonEmptyString.optional(),
    definition_type: nonEmptyString.optional(),
    definition: z.record(z.string(), z.unknown()).optional(),
    extensions: extensionsSchema.optional(),
    x_opencti_definition_type: nonEmptyString.optional(),
    x_opencti_definition: nonEmptyString.optional(),
    x_opencti_order: z.number().int().optional(),
    x_opencti_color: z.string().optional(),
  },
  (value, ctx) => {
    if ((value.definition_type === undefined) !== (value.definition === undefined)) {
      ctx.addIssue({ code: "custom", message: "definition_type and definition must be given together" });
      return;
    }
    if (value.definition_type === undefined && value.extensions === undefined) {
      ctx.addIssue({ code: "custom", message: "needs definition_type + definition, or extensions" });
    }
    if (value.definition_type === "tlp") {
      const level = value.definition?.tlp;
      const expected = typeof level === "string" ? TLP_IDS[level] : undefined;
      if (expected === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "tlp must be white, green, amber or red",
          path: ["definition", "tlp"],
        });
      } else if (value.id !== expected) {
        ctx.addIssue({
          code: "custom",
          message: `a TLP:${String(level).toUpperCase()} marking has id ${expected}`,
          path: ["id"],
        });
      }
    } else if (value.definition_type === "statement") {
      const statement = value.definition?.statement;
      if (typeof statement !== "string" || statement === "") {
        ctx.addIssue({ code: "custom", message: "must be a non-empty string", path: ["definition", "statement"] });
      }
    }
  },
);

/** STIX 2.1 language content: translations of an object's text properties, by language. */
export const languageContentSchema = defineStixObject(
  "language-content",
  {
    ...domainCommon,
    object_ref: identifier(),
    object_modified: timestampSchema.optional(),
    contents: z.record(z.string(), z.record(z.string(), z.unknown())),
  },
  checkVersionTimestamps,
);

/** The values of STIX's `extension-type-enum`. */
export const EXTENSION_TYPES = [
  "new-sdo",
  "new-sco",
  "new-sro",
  "property-extension",
  "toplevel-property-extension",
] as const;

/** STIX 2.1 extension definition (its author, `created_by_ref`, is required). */
export const extensionDefinitionSchema = defineStixObject(
  "extension-definition",
  {
    ...domainCommon,
    created_by_ref: identifier(["identity"]),
    name: nonEmptyString,
    description: z.string().optional(),
    schema: nonEmptyString,
    version: nonEmptyString,
    extension_types: z.array(z.enum(EXTENSION_TYPES)).min(1),
    extension_properties: z.array(nonEmptyString).min(1).optional(),
  },
  checkVersionTimestamps,
);

/** A STIX 2.1 marking definition. */
export type MarkingDefinition = StixObjectOf<typeof markingDefinitionSchema>;
/** A STIX 2.1 language content. */
export type LanguageContent = StixObjectOf<typeof languageContentSchema>;
/** A STIX 2.1 extension definition. */
export type ExtensionDefinition = StixObjectOf<typeof extensionDefinitionSchema>;
