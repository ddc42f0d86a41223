import { z } from "zod";
import { normalizeTimestamp } from "../../timestamps/stix-timestamp.js";
import { extensionsSchema, externalReferenceSchema, granularMarkingSchema } from "./embedded.js";
import { identifier, nonEmptyString, percentSchema, refList, stringList, timestampSchema } from "./primitives.js";

const markingRefs = refList(["marking-definition"]);

/** OpenCTI properties accepted on every object (ids the platform should also resolve to this object). */
const openctiCommon = {
  x_opencti_stix_ids: z.array(identifier()).optional(),
  x_opencti_workflow_id: z.string().optional(),
};

/** Properties shared by SDOs and SROs (STIX 2.1 §3.2), with the OpenCTI additions connectors set. */
export const domainCommon = {
  spec_version: z.literal("2.1"),
  created_by_ref: identifier(["identity"]).optional(),
  created: timestampSchema,
  modified: timestampSchema,
  revoked: z.boolean().optional(),
  labels: stringList.min(1).optional(),
  confidence: percentSchema.optional(),
  lang: nonEmptyString.optional(),
  external_references: z.array(externalReferenceSchema).min(1).optional(),
  object_marking_refs: markingRefs.optional(),
  granular_markings: z.array(granularMarkingSchema).min(1).optional(),
  extensions: extensionsSchema.optional(),
  ...openctiCommon,
};

/** The common properties plus the `name` and `description` most domain objects have (`name` required). */
export const namedDomainCommon = {
  ...domainCommon,
  name: nonEmptyString,
  description: z.string().optional(),
};

/** OpenCTI's `x_opencti_aliases` (may be empty, unlike STIX lists). */
export const openctiAliasesSchema = z.array(nonEmptyString).optional();

/**
 * Properties shared by SCOs (STIX 2.1 §3.3) and the OpenCTI custom properties that stand for what STIX does not
 * give observables: score, description, labels, author and external references.
 */
export const observableCommon = {
  spec_version: z.literal("2.1").optional(),
  object_marking_refs: markingRefs.optional(),
  granular_markings: z.array(granularMarkingSchema).min(1).optional(),
  defanged: z.boolean().optional(),
  extensions: extensionsSchema.optional(),
  x_opencti_score: percentSchema.optional(),
  x_opencti_description: z.string().optional(),
  x_opencti_labels: z.array(nonEmptyString).optional(),
  x_opencti_created_by_ref: identifier(["identity"]).optional(),
  x_opencti_external_references: z.array(externalReferenceSchema).optional(),
  ...openctiCommon,
};

type Ctx = z.core.$RefinementCtx<unknown>;

/** `first_seen` / `last_seen` of campaigns, intrusion sets, threat actors and the like. */
export const seenProperties = { first_seen: timestampSchema.optional(), last_seen: timestampSchema.optional() };

/** Version timestamps in order, and `last_seen` not before `first_seen`. */
export function checkSeen(
  value: { created: string; modified: string; first_seen?: string | undefined; last_seen?: string | undefined },
  ctx: Ctx,
): void {
  checkVersionTimestamps(value, ctx);
  checkOrder(ctx, value.first_seen, value.last_seen, ["first_seen", "last_seen"]);
}

/** Reports `later` when it is before `earlier` (both STIX timestamps, compared as instants). */
export function checkOrder(
  ctx: Ctx,
  earlier: string | undefined,
  later: string | undefined,
  names: readonly [string, string],
  strict = false,
): void {
  if (earlier === undefined || later === undefined) return;
  const a = normalizeTimestamp(earlier) as string;
  const b = normalizeTimestamp(later) as string;
  if (b < a || (strict && b === a)) {
    ctx.addIssue({
      code: "custom",
      message: `must be ${strict ? "later than" : "at or after"} ${names[0]} (${earlier})`,
      path: [names[1]],
    });
  }
}

/** The `modified >= created` rule of every versioned STIX object. */
export function checkVersionTimestamps(value: { created: string; modified: string }, ctx: Ctx): void {
  checkOrder(ctx, value.created, value.modified, ["created", "modified"]);
}

/** Reports unless at least one of `keys` is present in `value`. */
export function requireOneOf(ctx: Ctx, value: Record<string, unknown>, keys: readonly string[], why = ""): void {
  if (keys.some((key) => value[key] !== undefined)) return;
  ctx.addIssue({ code: "custom", message: `needs at least one of ${keys.join(", ")}${why}` });
}
