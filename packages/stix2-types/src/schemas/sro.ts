import { z } from "zod";
import { checkOrder, checkVersionTimestamps, domainCommon } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { identifier, integer, refList, timestampSchema } from "./common/primitives.js";

/**
 * STIX 2.1 relationship. `stop_time` may equal `start_time` (the platform accepts and produces such
 * relationships, although STIX asks for a later stop time).
 */
export const relationshipSchema = defineStixObject(
  "relationship",
  {
    ...domainCommon,
    relationship_type: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens, e.g. indicates"),
    description: z.string().optional(),
    source_ref: identifier(),
    target_ref: identifier(),
    start_time: timestampSchema.optional(),
    stop_time: timestampSchema.optional(),
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.start_time, value.stop_time, ["start_time", "stop_time"]);
  },
);

/** STIX 2.1 sighting (OpenCTI imports one target per sighting; see `sightingsPerTarget`). */
export const sightingSchema = defineStixObject(
  "sighting",
  {
    ...domainCommon,
    description: z.string().optional(),
    first_seen: timestampSchema.optional(),
    last_seen: timestampSchema.optional(),
    count: integer(0, 999_999_999).optional(),
    sighting_of_ref: identifier(),
    observed_data_refs: refList(["observed-data"]).optional(),
    where_sighted_refs: refList(["identity", "location"]).optional(),
    summary: z.boolean().optional(),
    x_opencti_negative: z.boolean().optional(),
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.first_seen, value.last_seen, ["first_seen", "last_seen"]);
  },
);

/** A STIX 2.1 relationship. */
export type Relationship = StixObjectOf<typeof relationshipSchema>;
/** A STIX 2.1 sighting. */
export type Sighting = StixObjectOf<typeof sightingSchema>;
