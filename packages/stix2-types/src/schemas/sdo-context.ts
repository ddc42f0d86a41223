import { z } from "zod";
import {
  checkOrder,
  checkVersionTimestamps,
  domainCommon,
  namedDomainCommon,
  openctiAliasesSchema,
  requireOneOf,
} from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import {
  integer,
  nonEmptyString,
  optionalStringList,
  percentSchema,
  refList,
  timestampSchema,
} from "./common/primitives.js";

// STIX 2.1 domain objects giving context: who, where, groupings, notes, opinions, reports, observations.

/** STIX 2.1 grouping: a set of objects sharing a `context` (open vocabulary `grouping-context-ov`); OpenCTI needs a name. */
export const groupingSchema = defineStixObject(
  "grouping",
  {
    ...namedDomainCommon,
    name: nonEmptyString.optional(),
    context: nonEmptyString,
    object_refs: refList(),
  },
  checkVersionTimestamps,
);

/**
 * STIX 2.1 identity. OpenCTI reads `identity_class` `individual`, `class` (sector), `system` and
 * `securityplatform` as such and stores any other class as an organization.
 */
export const identitySchema = defineStixObject(
  "identity",
  {
    ...namedDomainCommon,
    roles: optionalStringList,
    identity_class: nonEmptyString.optional(),
    sectors: optionalStringList,
    contact_information: z.string().optional(),
    x_opencti_aliases: openctiAliasesSchema,
    x_opencti_organization_type: z.string().optional(),
    x_opencti_reliability: z.string().optional(),
    x_opencti_firstname: z.string().optional(),
    x_opencti_lastname: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** The kinds of location OpenCTI distinguishes (`x_opencti_location_type`). */
export const LOCATION_TYPES = ["City", "Country", "Region", "Administrative-Area", "Position"] as const;

/**
 * STIX 2.1 location: needs `region`, `country`, `city`, `administrative_area` or `latitude` + `longitude`;
 * OpenCTI names the kind in
 * `x_opencti_location_type` (part of the id for cities, countries and regions).
 */
export const locationSchema = defineStixObject(
  "location",
  {
    ...domainCommon,
    name: nonEmptyString.optional(),
    description: z.string().optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    precision: z.number().min(0).optional(),
    region: z.string().optional(),
    country: z.string().optional(),
    administrative_area: z.string().optional(),
    city: z.string().optional(),
    street_address: z.string().optional(),
    postal_code: z.string().optional(),
    x_opencti_location_type: z.enum(LOCATION_TYPES).optional(),
    x_opencti_aliases: openctiAliasesSchema,
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      ctx.addIssue({ code: "custom", message: "latitude and longitude must be given together" });
    }
    if (value.precision !== undefined && value.latitude === undefined) {
      ctx.addIssue({ code: "custom", message: "precision needs latitude and longitude", path: ["precision"] });
    }
    // STIX asks for region, country or coordinates; the platform exports cities and administrative areas with
    // only `city` / `administrative_area`, so those are accepted too.
    requireOneOf(
      ctx,
      value,
      ["region", "country", "city", "administrative_area", "latitude"],
      " (latitude with longitude)",
    );
  },
);

/** STIX 2.1 note. */
export const noteSchema = defineStixObject(
  "note",
  {
    ...domainCommon,
    abstract: z.string().optional(),
    content: nonEmptyString,
    authors: optionalStringList,
    object_refs: refList(),
    note_types: optionalStringList,
    likelihood: percentSchema.optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 observed data (`object_refs` to the observed SCOs and SROs). */
export const observedDataSchema = defineStixObject(
  "observed-data",
  {
    ...domainCommon,
    first_observed: timestampSchema,
    last_observed: timestampSchema,
    number_observed: integer(1, 999_999_999),
    object_refs: refList(),
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.first_observed, value.last_observed, ["first_observed", "last_observed"]);
  },
);

/** The values of STIX's `opinion-enum`. */
export const OPINION_VALUES = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"] as const;

/** STIX 2.1 opinion. */
export const opinionSchema = defineStixObject(
  "opinion",
  {
    ...domainCommon,
    explanation: z.string().optional(),
    authors: optionalStringList,
    opinion: z.enum(OPINION_VALUES),
    object_refs: refList(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 report. */
export const reportSchema = defineStixObject(
  "report",
  {
    ...namedDomainCommon,
    report_types: optionalStringList,
    published: timestampSchema,
    object_refs: refList(),
    x_opencti_reliability: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** A STIX 2.1 grouping. */
export type Grouping = StixObjectOf<typeof groupingSchema>;
/** A STIX 2.1 identity. */
export type Identity = StixObjectOf<typeof identitySchema>;
/** A STIX 2.1 location. */
export type Location = StixObjectOf<typeof locationSchema>;
/** A STIX 2.1 note. */
export type Note = StixObjectOf<typeof noteSchema>;
/** A STIX 2.1 observed data. */
export type ObservedData = StixObjectOf<typeof observedDataSchema>;
/** A STIX 2.1 opinion. */
export type Opinion = StixObjectOf<typeof opinionSchema>;
/** A STIX 2.1 report. */
export type Report = StixObjectOf<typeof reportSchema>;
