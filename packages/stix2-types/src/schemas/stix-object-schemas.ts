import type { StixObjectOf } from "./common/define-stix-object.js";
import { extensionDefinitionSchema, languageContentSchema, markingDefinitionSchema } from "./meta.js";
import * as osco from "./opencti-sco.js";
import * as osdo from "./opencti-sdo.js";
import * as sco from "./sco.js";
import * as sdoContext from "./sdo-context.js";
import * as sdoThreats from "./sdo-threats.js";
import { relationshipSchema, sightingSchema } from "./sro.js";

/** The zod schema of every supported STIX 2.1 and OpenCTI object type, keyed by `type`. */
export const stixObjectSchemas = {
  // STIX 2.1 domain objects
  "attack-pattern": sdoThreats.attackPatternSchema,
  campaign: sdoThreats.campaignSchema,
  "course-of-action": sdoThreats.courseOfActionSchema,
  grouping: sdoContext.groupingSchema,
  identity: sdoContext.identitySchema,
  incident: sdoThreats.incidentSchema,
  indicator: sdoThreats.indicatorSchema,
  infrastructure: sdoThreats.infrastructureSchema,
  "intrusion-set": sdoThreats.intrusionSetSchema,
  location: sdoContext.locationSchema,
  malware: sdoThreats.malwareSchema,
  "malware-analysis": sdoThreats.malwareAnalysisSchema,
  note: sdoContext.noteSchema,
  "observed-data": sdoContext.observedDataSchema,
  opinion: sdoContext.opinionSchema,
  report: sdoContext.reportSchema,
  "threat-actor": sdoThreats.threatActorSchema,
  tool: sdoThreats.toolSchema,
  vulnerability: sdoThreats.vulnerabilitySchema,
  // OpenCTI domain objects
  "case-incident": osdo.caseIncidentSchema,
  "case-rfi": osdo.caseRfiSchema,
  "case-rft": osdo.caseRftSchema,
  task: osdo.taskSchema,
  feedback: osdo.feedbackSchema,
  channel: osdo.channelSchema,
  narrative: osdo.narrativeSchema,
  "data-source": osdo.dataSourceSchema,
  "data-component": osdo.dataComponentSchema,
  event: osdo.eventSchema,
  language: osdo.languageSchema,
  "security-coverage": osdo.securityCoverageSchema,
  // STIX 2.1 relationship objects
  relationship: relationshipSchema,
  sighting: sightingSchema,
  // STIX 2.1 cyber-observable objects
  artifact: sco.artifactSchema,
  "autonomous-system": sco.autonomousSystemSchema,
  directory: sco.directorySchema,
  "domain-name": sco.domainNameSchema,
  "email-addr": sco.emailAddrSchema,
  "email-message": sco.emailMessageSchema,
  file: sco.fileSchema,
  "ipv4-addr": sco.ipv4AddrSchema,
  "ipv6-addr": sco.ipv6AddrSchema,
  "mac-addr": sco.macAddrSchema,
  mutex: sco.mutexSchema,
  "network-traffic": sco.networkTrafficSchema,
  process: sco.processSchema,
  software: sco.softwareSchema,
  url: sco.urlSchema,
  "user-account": sco.userAccountSchema,
  "windows-registry-key": sco.windowsRegistryKeySchema,
  "x509-certificate": sco.x509CertificateSchema,
  // OpenCTI observables
  hostname: osco.hostnameSchema,
  "cryptocurrency-wallet": osco.cryptocurrencyWalletSchema,
  "cryptographic-key": osco.cryptographicKeySchema,
  text: osco.textSchema,
  "user-agent": osco.userAgentSchema,
  "phone-number": osco.phoneNumberSchema,
  credential: osco.credentialSchema,
  "tracking-number": osco.trackingNumberSchema,
  "bank-account": osco.bankAccountSchema,
  "payment-card": osco.paymentCardSchema,
  "media-content": osco.mediaContentSchema,
  persona: osco.personaSchema,
  "ssh-key": osco.sshKeySchema,
  // STIX 2.1 meta objects
  "marking-definition": markingDefinitionSchema,
  "language-content": languageContentSchema,
  "extension-definition": extensionDefinitionSchema,
} as const;

/** Every supported object `type`. */
export type StixType = keyof typeof stixObjectSchemas;

/** The object type for each supported `type`. */
export type StixObjectByType = {
  [K in StixType]: StixObjectOf<(typeof stixObjectSchemas)[K]>;
};

/** Any supported STIX 2.1 / OpenCTI object, discriminated on `type`. */
export type StixObject = StixObjectByType[StixType];

/** The supported object types (SDOs, OpenCTI SDOs, SROs, SCOs, OpenCTI observables, meta objects). */
export const STIX_TYPES = Object.keys(stixObjectSchemas) as readonly StixType[];

/** True when `type` is a supported object type. */
export function isStixType(type: unknown): type is StixType {
  return typeof type === "string" && Object.hasOwn(stixObjectSchemas, type);
}

/** The STIX cyber-observable types (standard and OpenCTI): no `created`/`modified`, author in `x_opencti_created_by_ref`. */
export const OBSERVABLE_TYPES = [
  "artifact",
  "autonomous-system",
  "directory",
  "domain-name",
  "email-addr",
  "email-message",
  "file",
  "ipv4-addr",
  "ipv6-addr",
  "mac-addr",
  "mutex",
  "network-traffic",
  "process",
  "software",
  "url",
  "user-account",
  "windows-registry-key",
  "x509-certificate",
  "hostname",
  "cryptocurrency-wallet",
  "cryptographic-key",
  "text",
  "user-agent",
  "phone-number",
  "credential",
  "tracking-number",
  "bank-account",
  "payment-card",
  "media-content",
  "persona",
  "ssh-key",
] as const satisfies readonly StixType[];

/** A cyber-observable type (standard or OpenCTI). */
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

/** Any cyber observable (standard or OpenCTI). */
export type StixObservable = StixObjectByType[ObservableType];

const OBSERVABLE_SET: ReadonlySet<string> = new Set(OBSERVABLE_TYPES);

/** True when `type` is a cyber-observable type. */
export function isObservableType(type: unknown): type is ObservableType {
  return typeof type === "string" && OBSERVABLE_SET.has(type);
}
