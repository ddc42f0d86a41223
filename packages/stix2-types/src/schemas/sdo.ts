import { z } from "zod";
import { checkOrder, checkVersionTimestamps, domainCommon, requireOneOf } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { killChainPhaseSchema } from "./common/embedded.js";
import {
  identifier,
  integer,
  nonEmptyString,
  percentSchema,
  refList,
  stringList,
  timestampSchema,
} from "./common/primitives.js";

const optionalList = stringList.min(1).optional();
const killChainPhases = z.array(killChainPhaseSchema).min(1).optional();
const aliases = optionalList;
const openctiAliases = z.array(nonEmptyString).optional();
const seen = { first_seen: timestampSchema.optional(), last_seen: timestampSchema.optional() };
type SeenValue = { created: string; modified: string; first_seen?: string | undefined; last_seen?: string | undefined };
const checkSeen = (value: SeenValue, ctx: z.core.$RefinementCtx<unknown>) => {
  checkVersionTimestamps(value, ctx);
  checkOrder(ctx, value.first_seen, value.last_seen, ["first_seen", "last_seen"]);
};

/** STIX 2.1 attack pattern; `x_mitre_id` (the ATT&CK id, e.g. `T1566`) identifies it on the platform. */
export const attackPatternSchema = defineStixObject(
  "attack-pattern",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    aliases,
    kill_chain_phases: killChainPhases,
    x_mitre_id: nonEmptyString.optional(),
    x_mitre_platforms: optionalList,
    x_mitre_detection: z.string().optional(),
    x_opencti_external_id: nonEmptyString.optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 campaign. */
export const campaignSchema = defineStixObject(
  "campaign",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    aliases,
    ...seen,
    objective: z.string().optional(),
  },
  checkSeen,
);

/** STIX 2.1 course of action. */
export const courseOfActionSchema = defineStixObject(
  "course-of-action",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    x_mitre_id: nonEmptyString.optional(),
    x_opencti_aliases: openctiAliases,
  },
  checkVersionTimestamps,
);

/** STIX 2.1 grouping: a set of objects sharing a `context` (open vocabulary `grouping-context-ov`). */
export const groupingSchema = defineStixObject(
  "grouping",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
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
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    roles: optionalList,
    identity_class: nonEmptyString,
    sectors: optionalList,
    contact_information: z.string().optional(),
    x_opencti_aliases: openctiAliases,
    x_opencti_organization_type: z.string().optional(),
    x_opencti_reliability: z.string().optional(),
    x_opencti_firstname: z.string().optional(),
    x_opencti_lastname: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 incident, with the properties OpenCTI adds (type, severity, source, seen dates). */
export const incidentSchema = defineStixObject(
  "incident",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    kill_chain_phases: killChainPhases,
    aliases,
    ...seen,
    objective: z.string().optional(),
    incident_type: z.string().optional(),
    severity: z.string().optional(),
    source: z.string().optional(),
  },
  checkSeen,
);

/** STIX 2.1 indicator, with OpenCTI's score, detection flag and main observable type. */
export const indicatorSchema = defineStixObject(
  "indicator",
  {
    ...domainCommon,
    name: nonEmptyString.optional(),
    description: z.string().optional(),
    indicator_types: optionalList,
    pattern: nonEmptyString,
    pattern_type: nonEmptyString,
    pattern_version: z.string().optional(),
    valid_from: timestampSchema,
    valid_until: timestampSchema.optional(),
    kill_chain_phases: killChainPhases,
    x_opencti_score: percentSchema.optional(),
    x_opencti_detection: z.boolean().optional(),
    x_opencti_main_observable_type: nonEmptyString.optional(),
    x_mitre_platforms: optionalList,
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.valid_from, value.valid_until, ["valid_from", "valid_until"], true);
  },
);

/** STIX 2.1 infrastructure. */
export const infrastructureSchema = defineStixObject(
  "infrastructure",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    infrastructure_types: optionalList,
    aliases,
    kill_chain_phases: killChainPhases,
    ...seen,
  },
  checkSeen,
);

/** STIX 2.1 intrusion set. */
export const intrusionSetSchema = defineStixObject(
  "intrusion-set",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    aliases,
    ...seen,
    goals: optionalList,
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: optionalList,
  },
  checkSeen,
);

/** The kinds of location OpenCTI distinguishes (`x_opencti_location_type`). */
export const LOCATION_TYPES = ["City", "Country", "Region", "Administrative-Area", "Position"] as const;

/**
 * STIX 2.1 location. STIX needs `region`, `country` or `latitude` + `longitude`; OpenCTI names the kind in
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
    x_opencti_aliases: openctiAliases,
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      ctx.addIssue({ code: "custom", message: "latitude and longitude must be given together" });
    }
    if (value.precision !== undefined && value.latitude === undefined) {
      ctx.addIssue({ code: "custom", message: "precision needs latitude and longitude", path: ["precision"] });
    }
    requireOneOf(ctx, value, ["region", "country", "latitude"], " (latitude with longitude), as STIX requires");
  },
);

/** STIX 2.1 malware (a family or an instance, `is_family`). */
export const malwareSchema = defineStixObject(
  "malware",
  {
    ...domainCommon,
    name: nonEmptyString.optional(),
    description: z.string().optional(),
    malware_types: optionalList,
    is_family: z.boolean(),
    aliases,
    kill_chain_phases: killChainPhases,
    ...seen,
    operating_system_refs: refList(["software"]).optional(),
    architecture_execution_envs: optionalList,
    implementation_languages: optionalList,
    capabilities: optionalList,
    sample_refs: refList(["artifact", "file"]).optional(),
  },
  (value, ctx) => {
    checkSeen(value, ctx);
    if (value.is_family && value.name === undefined) {
      ctx.addIssue({ code: "custom", message: "is required when is_family is true", path: ["name"] });
    }
  },
);

/** STIX 2.1 malware analysis (needs `result` or `analysis_sco_refs`). */
export const malwareAnalysisSchema = defineStixObject(
  "malware-analysis",
  {
    ...domainCommon,
    product: nonEmptyString,
    version: z.string().optional(),
    host_vm_ref: identifier(["software"]).optional(),
    operating_system_ref: identifier(["software"]).optional(),
    installed_software_refs: refList(["software"]).optional(),
    configuration_version: z.string().optional(),
    modules: optionalList,
    analysis_engine_version: z.string().optional(),
    analysis_definition_version: z.string().optional(),
    submitted: timestampSchema.optional(),
    analysis_started: timestampSchema.optional(),
    analysis_ended: timestampSchema.optional(),
    result_name: z.string().optional(),
    result: z.string().optional(),
    analysis_sco_refs: refList().optional(),
    sample_ref: identifier().optional(),
  },
  (value, ctx) => {
    checkVersionTimestamps(value, ctx);
    checkOrder(ctx, value.analysis_started, value.analysis_ended, ["analysis_started", "analysis_ended"]);
    requireOneOf(ctx, value, ["result", "analysis_sco_refs"]);
  },
);

/** STIX 2.1 note. */
export const noteSchema = defineStixObject(
  "note",
  {
    ...domainCommon,
    abstract: z.string().optional(),
    content: nonEmptyString,
    authors: optionalList,
    object_refs: refList(),
    note_types: optionalList,
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
    authors: optionalList,
    opinion: z.enum(OPINION_VALUES),
    object_refs: refList(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 report. */
export const reportSchema = defineStixObject(
  "report",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    report_types: optionalList,
    published: timestampSchema,
    object_refs: refList(),
    x_opencti_reliability: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** The OpenCTI kinds of threat actor (`x_opencti_type`), part of the id. */
export const THREAT_ACTOR_TYPES = ["Threat-Actor-Group", "Threat-Actor-Individual"] as const;

/** STIX 2.1 threat actor; OpenCTI tells groups from individuals with `x_opencti_type` (default: group). */
export const threatActorSchema = defineStixObject(
  "threat-actor",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    threat_actor_types: optionalList,
    aliases,
    ...seen,
    roles: optionalList,
    goals: optionalList,
    sophistication: z.string().optional(),
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: optionalList,
    personal_motivations: optionalList,
    x_opencti_type: z.enum(THREAT_ACTOR_TYPES).optional(),
  },
  checkSeen,
);

/** STIX 2.1 tool. */
export const toolSchema = defineStixObject(
  "tool",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    tool_types: optionalList,
    aliases,
    kill_chain_phases: killChainPhases,
    tool_version: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 vulnerability, with the OpenCTI CVSS/EPSS/CISA KEV properties. */
export const vulnerabilitySchema = defineStixObject(
  "vulnerability",
  {
    ...domainCommon,
    name: nonEmptyString,
    description: z.string().optional(),
    x_opencti_aliases: openctiAliases,
    x_opencti_cvss_base_score: z.number().min(0).max(10).optional(),
    x_opencti_cvss_base_severity: z.string().optional(),
    x_opencti_cvss_attack_vector: z.string().optional(),
    x_opencti_cvss_vector_string: z.string().optional(),
    x_opencti_epss_score: z.number().min(0).max(1).optional(),
    x_opencti_epss_percentile: z.number().min(0).max(1).optional(),
    x_opencti_cisa_kev: z.boolean().optional(),
    x_opencti_score: percentSchema.optional(),
  },
  checkVersionTimestamps,
);

/** A STIX 2.1 attack pattern. */
export type AttackPattern = StixObjectOf<typeof attackPatternSchema>;
/** A STIX 2.1 campaign. */
export type Campaign = StixObjectOf<typeof campaignSchema>;
/** A STIX 2.1 course of action. */
export type CourseOfAction = StixObjectOf<typeof courseOfActionSchema>;
/** A STIX 2.1 grouping. */
export type Grouping = StixObjectOf<typeof groupingSchema>;
/** A STIX 2.1 identity. */
export type Identity = StixObjectOf<typeof identitySchema>;
/** A STIX 2.1 incident. */
export type Incident = StixObjectOf<typeof incidentSchema>;
/** A STIX 2.1 indicator. */
export type Indicator = StixObjectOf<typeof indicatorSchema>;
/** A STIX 2.1 infrastructure. */
export type Infrastructure = StixObjectOf<typeof infrastructureSchema>;
/** A STIX 2.1 intrusion set. */
export type IntrusionSet = StixObjectOf<typeof intrusionSetSchema>;
/** A STIX 2.1 location. */
export type Location = StixObjectOf<typeof locationSchema>;
/** A STIX 2.1 malware. */
export type Malware = StixObjectOf<typeof malwareSchema>;
/** A STIX 2.1 malware analysis. */
export type MalwareAnalysis = StixObjectOf<typeof malwareAnalysisSchema>;
/** A STIX 2.1 note. */
export type Note = StixObjectOf<typeof noteSchema>;
/** A STIX 2.1 observed data. */
export type ObservedData = StixObjectOf<typeof observedDataSchema>;
/** A STIX 2.1 opinion. */
export type Opinion = StixObjectOf<typeof opinionSchema>;
/** A STIX 2.1 report. */
export type Report = StixObjectOf<typeof reportSchema>;
/** A STIX 2.1 threat actor. */
export type ThreatActor = StixObjectOf<typeof threatActorSchema>;
/** A STIX 2.1 tool. */
export type Tool = StixObjectOf<typeof toolSchema>;
/** A STIX 2.1 vulnerability. */
export type Vulnerability = StixObjectOf<typeof vulnerabilitySchema>;
