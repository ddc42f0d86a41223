import { z } from "zod";
import {
  checkOrder,
  checkSeen,
  checkVersionTimestamps,
  domainCommon,
  namedDomainCommon,
  openctiAliasesSchema,
  requireOneOf,
  seenProperties,
} from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { killChainPhaseSchema } from "./common/embedded.js";
import {
  identifier,
  nonEmptyString,
  optionalStringList,
  percentSchema,
  refList,
  timestampSchema,
} from "./common/primitives.js";

// STIX 2.1 domain objects describing threats and what detects or mitigates them.

const killChainPhases = z.array(killChainPhaseSchema).min(1).optional();

/** STIX 2.1 attack pattern; `x_mitre_id` (the ATT&CK id, e.g. `T1566`) identifies it on the platform. */
export const attackPatternSchema = defineStixObject(
  "attack-pattern",
  {
    ...namedDomainCommon,
    aliases: optionalStringList,
    kill_chain_phases: killChainPhases,
    x_mitre_id: nonEmptyString.optional(),
    x_mitre_platforms: optionalStringList,
    x_mitre_detection: z.string().optional(),
    x_opencti_external_id: nonEmptyString.optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 campaign. */
export const campaignSchema = defineStixObject(
  "campaign",
  {
    ...namedDomainCommon,
    aliases: optionalStringList,
    ...seenProperties,
    objective: z.string().optional(),
  },
  checkSeen,
);

/** STIX 2.1 course of action. */
export const courseOfActionSchema = defineStixObject(
  "course-of-action",
  {
    ...namedDomainCommon,
    x_mitre_id: nonEmptyString.optional(),
    x_opencti_aliases: openctiAliasesSchema,
  },
  checkVersionTimestamps,
);

/** STIX 2.1 incident, with the properties OpenCTI adds (type, severity, source, seen dates). */
export const incidentSchema = defineStixObject(
  "incident",
  {
    ...namedDomainCommon,
    kill_chain_phases: killChainPhases,
    aliases: optionalStringList,
    ...seenProperties,
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
    indicator_types: optionalStringList,
    pattern: nonEmptyString,
    pattern_type: nonEmptyString,
    pattern_version: z.string().optional(),
    valid_from: timestampSchema,
    valid_until: timestampSchema.optional(),
    kill_chain_phases: killChainPhases,
    x_opencti_score: percentSchema.optional(),
    x_opencti_detection: z.boolean().optional(),
    x_opencti_main_observable_type: nonEmptyString.optional(),
    x_mitre_platforms: optionalStringList,
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
    ...namedDomainCommon,
    infrastructure_types: optionalStringList,
    aliases: optionalStringList,
    kill_chain_phases: killChainPhases,
    ...seenProperties,
  },
  checkSeen,
);

/** STIX 2.1 intrusion set. */
export const intrusionSetSchema = defineStixObject(
  "intrusion-set",
  {
    ...namedDomainCommon,
    aliases: optionalStringList,
    ...seenProperties,
    goals: optionalStringList,
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: optionalStringList,
  },
  checkSeen,
);

/** STIX 2.1 malware (a family or an instance, `is_family`). */
export const malwareSchema = defineStixObject(
  "malware",
  {
    ...domainCommon,
    name: nonEmptyString.optional(),
    description: z.string().optional(),
    malware_types: optionalStringList,
    is_family: z.boolean(),
    aliases: optionalStringList,
    kill_chain_phases: killChainPhases,
    ...seenProperties,
    operating_system_refs: refList(["software"]).optional(),
    architecture_execution_envs: optionalStringList,
    implementation_languages: optionalStringList,
    capabilities: optionalStringList,
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
    modules: optionalStringList,
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

/** The OpenCTI kinds of threat actor (`x_opencti_type`), part of the id. */
export const THREAT_ACTOR_TYPES = ["Threat-Actor-Group", "Threat-Actor-Individual"] as const;

/** STIX 2.1 threat actor; OpenCTI tells groups from individuals with `x_opencti_type` (default: group). */
export const threatActorSchema = defineStixObject(
  "threat-actor",
  {
    ...namedDomainCommon,
    threat_actor_types: optionalStringList,
    aliases: optionalStringList,
    ...seenProperties,
    roles: optionalStringList,
    goals: optionalStringList,
    sophistication: z.string().optional(),
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: optionalStringList,
    personal_motivations: optionalStringList,
    x_opencti_type: z.enum(THREAT_ACTOR_TYPES).optional(),
  },
  checkSeen,
);

/** STIX 2.1 tool. */
export const toolSchema = defineStixObject(
  "tool",
  {
    ...namedDomainCommon,
    tool_types: optionalStringList,
    aliases: optionalStringList,
    kill_chain_phases: killChainPhases,
    tool_version: z.string().optional(),
  },
  checkVersionTimestamps,
);

/** STIX 2.1 vulnerability, with the OpenCTI CVSS/EPSS/CISA KEV properties. */
export const vulnerabilitySchema = defineStixObject(
  "vulnerability",
  {
    ...namedDomainCommon,
    x_opencti_aliases: openctiAliasesSchema,
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
/** A STIX 2.1 incident. */
export type Incident = StixObjectOf<typeof incidentSchema>;
/** A STIX 2.1 indicator. */
export type Indicator = StixObjectOf<typeof indicatorSchema>;
/** A STIX 2.1 infrastructure. */
export type Infrastructure = StixObjectOf<typeof infrastructureSchema>;
/** A STIX 2.1 intrusion set. */
export type IntrusionSet = StixObjectOf<typeof intrusionSetSchema>;
/** A STIX 2.1 malware. */
export type Malware = StixObjectOf<typeof malwareSchema>;
/** A STIX 2.1 malware analysis. */
export type MalwareAnalysis = StixObjectOf<typeof malwareAnalysisSchema>;
/** A STIX 2.1 threat actor. */
export type ThreatActor = StixObjectOf<typeof threatActorSchema>;
/** A STIX 2.1 tool. */
export type Tool = StixObjectOf<typeof toolSchema>;
/** A STIX 2.1 vulnerability. */
export type Vulnerability = StixObjectOf<typeof vulnerabilitySchema>;
