import { z } from "zod";
import { checkOrder, checkVersionTimestamps, namedDomainCommon } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import {
  identifier,
  integer,
  nonEmptyString,
  optionalStringList,
  refList,
  timestampSchema,
} from "./common/primitives.js";

const caseCommon = {
  ...namedDomainCommon,
  content: z.string().optional(),
  severity: z.string().optional(),
  priority: z.string().optional(),
  object_refs: refList().optional(),
};

/** OpenCTI incident response case (`case-incident`). */
export const caseIncidentSchema = defineStixObject(
  "case-incident",
  { ...caseCommon, response_types: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI request for information (`case-rfi`). */
export const caseRfiSchema = defineStixObject(
  "case-rfi",
  { ...caseCommon, information_types: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI request for takedown (`case-rft`). */
export const caseRftSchema = defineStixObject(
  "case-rft",
  { ...caseCommon, takedown_types: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI task. */
export const taskSchema = defineStixObject(
  "task",
  { ...namedDomainCommon, due_date: timestampSchema.optional(), object_refs: refList().optional() },
  checkVersionTimestamps,
);

/** OpenCTI feedback (a rating from 1 to 5 on objects). */
export const feedbackSchema = defineStixObject(
  "feedback",
  {
    ...namedDomainCommon,
    content: z.string().optional(),
    rating: integer(1, 5).optional(),
    object_refs: refList().optional(),
  },
  checkVersionTimestamps,
);

/** OpenCTI channel (a medium used by an actor, e.g. a Telegram channel). */
export const channelSchema = defineStixObject(
  "channel",
  { ...namedDomainCommon, aliases: optionalStringList, channel_types: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI narrative. */
export const narrativeSchema = defineStixObject(
  "narrative",
  { ...namedDomainCommon, aliases: optionalStringList, narrative_types: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI data source (MITRE ATT&CK data source). */
export const dataSourceSchema = defineStixObject(
  "data-source",
  {
    ...namedDomainCommon,
    aliases: optionalStringList,
    x_mitre_platforms: optionalStringList,
    collection_layers: optionalStringList,
  },
  checkVersionTimestamps,
);

/** OpenCTI data component (MITRE ATT&CK data component), optionally within a data source. */
export const dataComponentSchema = defineStixObject(
  "data-component",
  { ...namedDomainCommon, aliases: optionalStringList, data_source_ref: identifier(["data-source"]).optional() },
  checkVersionTimestamps,
);

/** OpenCTI event. */
export const eventSchema = defineStixObject(
  "event",
  {
    ...namedDomainCommon,
    aliases: optionalStringList,
    event_types: optionalStringList,
    start_time: timestampSchema.optional(),
    stop_time: timestampSchema.optional(),
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.start_time, value.stop_time, ["start_time", "stop_time"]);
  },
);

/** OpenCTI language (e.g. `fr`). */
export const languageSchema = defineStixObject(
  "language",
  { ...namedDomainCommon, aliases: optionalStringList },
  checkVersionTimestamps,
);

/** OpenCTI security coverage of an object (`covered_ref`, which identifies it on the platform). */
export const securityCoverageSchema = defineStixObject(
  "security-coverage",
  {
    ...namedDomainCommon,
    covered_ref: identifier(),
    external_uri: z.string().optional(),
    periodicity: z.string().optional(),
    duration: z.string().optional(),
    type_affinity: z.string().optional(),
    platforms_affinity: optionalStringList,
    auto_enrichment_disable: z.boolean().optional(),
    coverage_last_result: timestampSchema.optional(),
    coverage_valid_from: timestampSchema.optional(),
    coverage_valid_to: timestampSchema.optional(),
    coverage_information: z
      .array(z.strictObject({ coverage_name: nonEmptyString, coverage_score: z.number().min(0).max(100) }))
      .min(1)
      .optional(),
  },
  checkVersionTimestamps,
);

/** An OpenCTI case-incident. */
export type CaseIncident = StixObjectOf<typeof caseIncidentSchema>;
/** An OpenCTI case-rfi. */
export type CaseRfi = StixObjectOf<typeof caseRfiSchema>;
/** An OpenCTI case-rft. */
export type CaseRft = StixObjectOf<typeof caseRftSchema>;
/** An OpenCTI task. */
export type Task = StixObjectOf<typeof taskSchema>;
/** An OpenCTI feedback. */
export type Feedback = StixObjectOf<typeof feedbackSchema>;
/** An OpenCTI channel. */
export type Channel = StixObjectOf<typeof channelSchema>;
/** An OpenCTI narrative. */
export type Narrative = StixObjectOf<typeof narrativeSchema>;
/** An OpenCTI data source. */
export type DataSource = StixObjectOf<typeof dataSourceSchema>;
/** An OpenCTI data component. */
export type DataComponent = StixObjectOf<typeof dataComponentSchema>;
/** An OpenCTI event. */
export type Event = StixObjectOf<typeof eventSchema>;
/** An OpenCTI language. */
export type Language = StixObjectOf<typeof languageSchema>;
/** An OpenCTI security coverage. */
export type SecurityCoverage = StixObjectOf<typeof securityCoverageSchema>;
