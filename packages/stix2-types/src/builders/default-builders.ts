import { defaultBuilders } from "./builder-set.js";

// The builders without bound author or markings (`withDefaults` binds them), as plain functions.

/** Artifact (binary content in `payload_bin`, or `url` + `hashes`). No author or markings bound (see `withDefaults`). */
export const artifact = defaultBuilders.artifact;

/** Attack pattern; give `x_mitre_id` (e.g. `T1566`) when known: it identifies the pattern. No author or markings bound (see `withDefaults`). */
export const attackPattern = defaultBuilders.attackPattern;

/** Autonomous system by number. No author or markings bound (see `withDefaults`). */
export const autonomousSystem = defaultBuilders.autonomousSystem;

/** Bank account by IBAN (OpenCTI). No author or markings bound (see `withDefaults`). */
export const bankAccount = defaultBuilders.bankAccount;

/** Campaign. No author or markings bound (see `withDefaults`). */
export const campaign = defaultBuilders.campaign;

/** Incident response case; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const caseIncident = defaultBuilders.caseIncident;

/** Request for information; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const caseRfi = defaultBuilders.caseRfi;

/** Request for takedown; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const caseRft = defaultBuilders.caseRft;

/** Channel. No author or markings bound (see `withDefaults`). */
export const channel = defaultBuilders.channel;

/** Course of action. No author or markings bound (see `withDefaults`). */
export const courseOfAction = defaultBuilders.courseOfAction;

/** Credential (OpenCTI). No author or markings bound (see `withDefaults`). */
export const credential = defaultBuilders.credential;

/** Cryptocurrency wallet address (OpenCTI). No author or markings bound (see `withDefaults`). */
export const cryptocurrencyWallet = defaultBuilders.cryptocurrencyWallet;

/** Cryptographic key (OpenCTI). No author or markings bound (see `withDefaults`). */
export const cryptographicKey = defaultBuilders.cryptographicKey;

/** Data component. No author or markings bound (see `withDefaults`). */
export const dataComponent = defaultBuilders.dataComponent;

/** Data source. No author or markings bound (see `withDefaults`). */
export const dataSource = defaultBuilders.dataSource;

/** Directory by path. No author or markings bound (see `withDefaults`). */
export const directory = defaultBuilders.directory;

/** Domain name. No author or markings bound (see `withDefaults`). */
export const domainName = defaultBuilders.domainName;

/** Email address. No author or markings bound (see `withDefaults`). */
export const emailAddress = defaultBuilders.emailAddress;

/** Email message; `is_multipart` defaults to `false`. No author or markings bound (see `withDefaults`). */
export const emailMessage = defaultBuilders.emailMessage;

/** Event. No author or markings bound (see `withDefaults`). */
export const event = defaultBuilders.event;

/** Extension definition (no deterministic rule: random id unless `id` is given); needs an author (`created_by_ref`, or the bound `createdBy`). No author or markings bound (see `withDefaults`). */
export const extensionDefinition = defaultBuilders.extensionDefinition;

/** Feedback; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const feedback = defaultBuilders.feedback;

/** File (identified by its first hash in the order MD5, SHA-1, SHA-256, SHA-512, ..., else its name). No author or markings bound (see `withDefaults`). */
export const file = defaultBuilders.file;

/** Grouping; `name` (OpenCTI) and `created` (part of its id) are required. No author or markings bound (see `withDefaults`). */
export const grouping = defaultBuilders.grouping;

/** Hostname (OpenCTI). No author or markings bound (see `withDefaults`). */
export const hostname = defaultBuilders.hostname;

/** Identity; `identity_class` limited to the classes OpenCTI keeps. No author or markings bound (see `withDefaults`). */
export const identity = defaultBuilders.identity;

/** Incident; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const incident = defaultBuilders.incident;

/**
 * Indicator; `name` is required (OpenCTI), `pattern_type` defaults to `stix` and `valid_from` to `created`.
 * Use `indicatorFor` to build one from an observable.
 * No author or markings bound (see `withDefaults`).
 */
export const indicator = defaultBuilders.indicator;

/**
 * An indicator detecting an observable: its STIX pattern (`patternFor`), `pattern_type: "stix"`,
 * `x_opencti_main_observable_type`, and by default the observable's value as name.
 * No author or markings bound (see `withDefaults`).
 */
export const indicatorFor = defaultBuilders.indicatorFor;

/** Infrastructure. No author or markings bound (see `withDefaults`). */
export const infrastructure = defaultBuilders.infrastructure;

/** Intrusion set. No author or markings bound (see `withDefaults`). */
export const intrusionSet = defaultBuilders.intrusionSet;

/** IPv4 address or CIDR block. No author or markings bound (see `withDefaults`). */
export const ipv4Address = defaultBuilders.ipv4Address;

/** IPv6 address or CIDR block. No author or markings bound (see `withDefaults`). */
export const ipv6Address = defaultBuilders.ipv6Address;

/** Language. No author or markings bound (see `withDefaults`). */
export const language = defaultBuilders.language;

/** Language content (no deterministic rule: random id unless `id` is given). No author or markings bound (see `withDefaults`). */
export const languageContent = defaultBuilders.languageContent;

/**
 * Location; `name` and `x_opencti_location_type` are required. For a city, country, region or administrative
 * area without any STIX location property, the name fills `city`/`country`/`region`/`administrative_area`, as
 * the platform does on export.
 * No author or markings bound (see `withDefaults`).
 */
export const location = defaultBuilders.location;

/** MAC address (lower-case, colon-separated). No author or markings bound (see `withDefaults`). */
export const macAddress = defaultBuilders.macAddress;

/** Malware; `name` is required (it identifies it) and `is_family` defaults to `false` (as pycti). No author or markings bound (see `withDefaults`). */
export const malware = defaultBuilders.malware;

/** Malware analysis (identified by `product`, `result_name` and `submitted`). No author or markings bound (see `withDefaults`). */
export const malwareAnalysis = defaultBuilders.malwareAnalysis;

/** Media content by URL (OpenCTI). No author or markings bound (see `withDefaults`). */
export const mediaContent = defaultBuilders.mediaContent;

/** Mutex by name. No author or markings bound (see `withDefaults`). */
export const mutex = defaultBuilders.mutex;

/** Narrative. No author or markings bound (see `withDefaults`). */
export const narrative = defaultBuilders.narrative;

/** Network traffic. No author or markings bound (see `withDefaults`). */
export const networkTraffic = defaultBuilders.networkTraffic;

/** Note; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const note = defaultBuilders.note;

/** Observed data. No author or markings bound (see `withDefaults`). */
export const observedData = defaultBuilders.observedData;

/** Opinion; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const opinion = defaultBuilders.opinion;

/** Payment card by number (OpenCTI). No author or markings bound (see `withDefaults`). */
export const paymentCard = defaultBuilders.paymentCard;

/** Persona (OpenCTI). No author or markings bound (see `withDefaults`). */
export const persona = defaultBuilders.persona;

/** Phone number (OpenCTI). No author or markings bound (see `withDefaults`). */
export const phoneNumber = defaultBuilders.phoneNumber;

/** Process; `command_line` is required (OpenCTI). No author or markings bound (see `withDefaults`). */
export const process = defaultBuilders.process;

/**
 * Relationship between two objects (ids of its ends). Its id includes `start_time` and `stop_time`: with
 * both set, every new time window makes a new relationship on the platform.
 * No author or markings bound (see `withDefaults`).
 */
export const relationship = defaultBuilders.relationship;

/** Report (identified by its name and `published`). No author or markings bound (see `withDefaults`). */
export const report = defaultBuilders.report;

/** Security coverage of the object `covered_ref` (which identifies it). No author or markings bound (see `withDefaults`). */
export const securityCoverage = defaultBuilders.securityCoverage;

/** Sighting of `sighting_of_ref` by exactly one target in `where_sighted_refs` (as the platform stores it). No author or markings bound (see `withDefaults`). */
export const sighting = defaultBuilders.sighting;

/** One sighting per entry of `where_sighted_refs`, each with its own deterministic id. No author or markings bound (see `withDefaults`). */
export const sightingsPerTarget = defaultBuilders.sightingsPerTarget;

/** Software. No author or markings bound (see `withDefaults`). */
export const software = defaultBuilders.software;

/** SSH key by SHA-256 fingerprint (OpenCTI). No author or markings bound (see `withDefaults`). */
export const sshKey = defaultBuilders.sshKey;

/**
 * A statement marking such as `Copyright 2024 ACME`, with the platform's deterministic id and the
 * `x_opencti_definition*` properties the platform stores.
 * No author or markings bound (see `withDefaults`).
 */
export const statementMarking = defaultBuilders.statementMarking;

/** Task; `created` is required (part of its id). No author or markings bound (see `withDefaults`). */
export const task = defaultBuilders.task;

/** Text (OpenCTI). No author or markings bound (see `withDefaults`). */
export const text = defaultBuilders.text;

/** Threat actor; `x_opencti_type` tells a group (default) from an individual. No author or markings bound (see `withDefaults`). */
export const threatActor = defaultBuilders.threatActor;

/** Tool. No author or markings bound (see `withDefaults`). */
export const tool = defaultBuilders.tool;

/** Tracking number (OpenCTI). No author or markings bound (see `withDefaults`). */
export const trackingNumber = defaultBuilders.trackingNumber;

/** URL. No author or markings bound (see `withDefaults`). */
export const url = defaultBuilders.url;

/** User account. No author or markings bound (see `withDefaults`). */
export const userAccount = defaultBuilders.userAccount;

/** User agent (OpenCTI). No author or markings bound (see `withDefaults`). */
export const userAgent = defaultBuilders.userAgent;

/** Vulnerability (e.g. a CVE id as name). No author or markings bound (see `withDefaults`). */
export const vulnerability = defaultBuilders.vulnerability;

/** Windows registry key. No author or markings bound (see `withDefaults`). */
export const windowsRegistryKey = defaultBuilders.windowsRegistryKey;

/** X.509 certificate. No author or markings bound (see `withDefaults`). */
export const x509Certificate = defaultBuilders.x509Certificate;
