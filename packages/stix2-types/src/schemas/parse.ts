import { z } from "zod";
import { formatJsonPath } from "../errors/json-path.js";
import { StixValidationError, type StixValidationIssue } from "../errors/stix-validation-error.js";
import type { CustomProperties } from "./common/define-stix-object.js";
import { identifier } from "./common/primitives.js";
import { isStixType, STIX_TYPES, type StixObject, stixObjectSchemas } from "./stix-object-schemas.js";
import { toStixIssues, zodErrorMap } from "./zod-issues.js";

/** Any supported object, validated by the schema of its `type` (a zod discriminated union). */
export const stixObjectSchema = z.discriminatedUnion(
  "type",
  Object.values(stixObjectSchemas) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** The envelope of a STIX 2.1 bundle; `objects` are checked one by one by {@link parseBundle}. */
export const bundleEnvelopeSchema = z.looseObject({
  type: z.literal("bundle"),
  id: identifier(["bundle"]),
  spec_version: z.literal("2.1").optional(),
  objects: z.array(z.unknown()).optional(),
});

/** A STIX 2.1 bundle of supported objects (`spec_version` and custom `x_` properties are tolerated). */
export type Bundle = {
  type: "bundle";
  id: string;
  spec_version?: "2.1";
  objects: StixObject[];
} & CustomProperties;

function checkObject(value: unknown, prefix: readonly PropertyKey[], issues: StixValidationIssue[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.push({ path: formatJsonPath(prefix), message: "must be a STIX object (a JSON object with a type)" });
    return undefined;
  }
  const type = (value as Record<string, unknown>).type;
  if (!isStixType(type)) {
    issues.push({
      path: formatJsonPath([...prefix, "type"]),
      message:
        typeof type === "string"
          ? `unknown type "${type}": not one of the ${STIX_TYPES.length} STIX 2.1 / OpenCTI types supported`
          : "is required and must be a string naming the STIX type",
    });
    return undefined;
  }
  const result = stixObjectSchemas[type].safeParse(value, { error: zodErrorMap });
  if (result.success) return result.data;
  issues.push(...toStixIssues(result.error, prefix));
  return undefined;
}

/**
 * Validates one STIX object and returns it typed (discriminated on `type`). Custom `x_` properties are kept as
 * they are; nothing is coerced. Throws {@link StixValidationError} listing every problem with its JSON path,
 * including an unknown `type` or a property that is neither known nor custom.
 */
export function parseStixObject(value: unknown): StixObject {
  const issues: StixValidationIssue[] = [];
  const parsed = checkObject(value, [], issues);
  if (issues.length > 0) throw new StixValidationError(issues);
  return parsed as StixObject;
}

/**
 * Validates a STIX 2.1 bundle and every object in it. Throws {@link StixValidationError} listing every problem of
 * every object (paths such as `objects[3].value`).
 */
export function parseBundle(value: unknown): Bundle {
  const envelope = bundleEnvelopeSchema.safeParse(value, { error: zodErrorMap });
  if (!envelope.success) throw new StixValidationError(toStixIssues(envelope.error, []));
  const issues: StixValidationIssue[] = [];
  const objects = (envelope.data.objects ?? []).map((object, index) => checkObject(object, ["objects", index], issues));
  if (issues.length > 0) throw new StixValidationError(issues);
  return { ...envelope.data, objects } as Bundle;
}
