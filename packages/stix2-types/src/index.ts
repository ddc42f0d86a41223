/**
 * Typed STIX 2.1 and OpenCTI model: zod schemas, builders, deterministic ids identical to the OpenCTI platform's
 * `standard_id`, TLP/PAP markings and bundles.
 *
 * @packageDocumentation
 */

// builders/
export type { BuildContext, BuilderDefaults, RefInput } from "./builders/build-context.js";
export type {
  Builder,
  BuilderInput,
  DatedBuilderInput,
  UnidentifiedBuilderInput,
} from "./builders/builder-input.js";
export { defaultBuilders, type StixBuilders, withDefaults } from "./builders/builder-set.js";
export {
  artifact,
  attackPattern,
  autonomousSystem,
  bankAccount,
  campaign,
  caseIncident,
  caseRfi,
  caseRft,
  channel,
  courseOfAction,
  credential,
  cryptocurrencyWallet,
  cryptographicKey,
  dataComponent,
  dataSource,
  directory,
  domainName,
  emailAddress,
  emailMessage,
  event,
  extensionDefinition,
  feedback,
  file,
  grouping,
  hostname,
  identity,
  incident,
  indicator,
  indicatorFor,
  infrastructure,
  intrusionSet,
  ipv4Address,
  ipv6Address,
  language,
  languageContent,
  location,
  macAddress,
  malware,
  malwareAnalysis,
  mediaContent,
  mutex,
  narrative,
  networkTraffic,
  note,
  observedData,
  opinion,
  paymentCard,
  persona,
  phoneNumber,
  process,
  relationship,
  report,
  securityCoverage,
  sighting,
  sightingsPerTarget,
  software,
  sshKey,
  statementMarking,
  task,
  text,
  threatActor,
  tool,
  trackingNumber,
  url,
  userAccount,
  userAgent,
  vulnerability,
  windowsRegistryKey,
  x509Certificate,
} from "./builders/default-builders.js";
export type { IndicatorForInput } from "./builders/indicator-for.js";
export type { SightingInput } from "./builders/relationship-builders.js";
export type { ObservableInput } from "./builders/sco-builders.js";
export type { OpenCtiIdentityClass } from "./builders/sdo-builders.js";
export type { StatementMarkingOptions } from "./builders/statement-marking.js";
// bundle/
export {
  type CreateBundleOptions,
  type CreateBundleResult,
  createBundle,
  type DanglingRef,
} from "./bundle/create-bundle.js";
export { type FoundRef, findRefs } from "./bundle/find-refs.js";
// errors/
export {
  StixValidationError,
  type StixValidationErrorOptions,
  type StixValidationIssue,
} from "./errors/stix-validation-error.js";
// ids/
export { canonicalJson } from "./ids/canonical-json.js";
export {
  contributingData,
  hasDeterministicId,
  OPENCTI_EXTENSION_ID,
  type StixIdInput,
} from "./ids/contributing-data.js";
export { generateId } from "./ids/generate-id.js";
export { OASIS_NAMESPACE, uuidV5 } from "./ids/uuid-v5.js";
// markings/
export { PAP_AMBER, PAP_CLEAR, PAP_GREEN, PAP_RED, type PapLevel, papMarking } from "./markings/pap.js";
export { SEEDED_MARKING_CREATED } from "./markings/seeded-marking.js";
export { SEEDED_MARKINGS } from "./markings/seeded-markings.js";
export {
  parseTlpLevel,
  TLP_AMBER,
  TLP_AMBER_STRICT,
  TLP_CLEAR,
  TLP_GREEN,
  TLP_LEVELS,
  TLP_RED,
  type TlpLevel,
  type TlpName,
  tlpMarking,
} from "./markings/tlp.js";
// patterns/
export { OPENCTI_OBSERVABLE_TYPES, patternFor, patternString } from "./patterns/pattern-for.js";
// schemas/
export type { CustomProperties, StixObjectOf } from "./schemas/common/define-stix-object.js";
export {
  type Extensions,
  type ExternalReference,
  extensionsSchema,
  externalReferenceSchema,
  type GranularMarking,
  granularMarkingSchema,
  type KillChainPhase,
  killChainPhaseSchema,
} from "./schemas/common/embedded.js";
export { HASH_ALGORITHMS, hashesSchema } from "./schemas/common/hashes.js";
export { isIpv4OrCidr, isIpv6OrCidr } from "./schemas/common/ip-address.js";
export { identifier, isStixIdentifier, timestampSchema } from "./schemas/common/primitives.js";
export {
  EXTENSION_TYPES,
  type ExtensionDefinition,
  type LanguageContent,
  type MarkingDefinition,
} from "./schemas/meta.js";
export type {
  BankAccount,
  Credential,
  CryptocurrencyWallet,
  CryptographicKey,
  Hostname,
  MediaContent,
  PaymentCard,
  Persona,
  PhoneNumber,
  SshKey,
  Text,
  TrackingNumber,
  UserAgent,
} from "./schemas/opencti-sco.js";
export type {
  CaseIncident,
  CaseRfi,
  CaseRft,
  Channel,
  DataComponent,
  DataSource,
  Event,
  Feedback,
  Language,
  Narrative,
  SecurityCoverage,
  Task,
} from "./schemas/opencti-sdo.js";
export { type Bundle, bundleEnvelopeSchema, parseBundle, parseStixObject, stixObjectSchema } from "./schemas/parse.js";
export type {
  Artifact,
  AutonomousSystem,
  Directory,
  DomainName,
  EmailAddr,
  EmailMessage,
  File,
  Ipv4Addr,
  Ipv6Addr,
  MacAddr,
  Mutex,
  NetworkTraffic,
  Process,
  Software,
  Url,
  UserAccount,
  WindowsRegistryKey,
  X509Certificate,
} from "./schemas/sco.js";
export {
  type Grouping,
  type Identity,
  LOCATION_TYPES,
  type Location,
  type Note,
  type ObservedData,
  OPINION_VALUES,
  type Opinion,
  type Report,
} from "./schemas/sdo-context.js";
export {
  type AttackPattern,
  type Campaign,
  type CourseOfAction,
  type Incident,
  type Indicator,
  type Infrastructure,
  type IntrusionSet,
  type Malware,
  type MalwareAnalysis,
  THREAT_ACTOR_TYPES,
  type ThreatActor,
  type Tool,
  type Vulnerability,
} from "./schemas/sdo-threats.js";
export type { Relationship, Sighting } from "./schemas/sro.js";
export {
  isObservableType,
  isStixType,
  OBSERVABLE_TYPES,
  type ObservableType,
  STIX_TYPES,
  type StixObject,
  type StixObjectByType,
  type StixObservable,
  type StixType,
  stixObjectSchemas,
} from "./schemas/stix-object-schemas.js";
// timestamps/
export { formatStixTimestamp, isStixTimestamp, normalizeTimestamp } from "./timestamps/stix-timestamp.js";
