/**
 * The platform's identifier rules (`opencti-graphql/src/schema/identifier.js` and the modules' `identifier`
 * definitions), keyed by the platform entity type they apply to, with STIX property names.
 */

/** How a contributing value is normalised before hashing. */
export type IdNormaliser = "norm" | "upper" | "date" | "hashes" | "sorted";

/** One contributing property of a way. */
export interface IdProperty {
  /** Property read from the (prepared) STIX object. */
  readonly src: string;
  /** Key written in the contributing data, when it differs from `src`. */
  readonly dest?: string;
  /** Properties that must be non-empty for this way to yield anything. */
  readonly deps?: readonly string[];
  /** Normalisation applied to a truthy value. */
  readonly norm?: IdNormaliser;
}

/** An ordered list of contributing properties. */
export type IdWay = readonly IdProperty[];

const p = (src: string, norm?: IdNormaliser, deps?: readonly string[], dest?: string): IdProperty => ({
  src,
  ...(norm === undefined ? {} : { norm }),
  ...(deps === undefined ? {} : { deps }),
  ...(dest === undefined ? {} : { dest }),
});

const NAME: IdWay = [p("name", "norm")];
const VALUE: IdWay = [p("value")];
const nameAndCreated = (createdNeedsName: boolean): IdWay => [
  p("name", "norm"),
  p("created", "date", createdNeedsName ? ["name"] : undefined),
];
const hashedOr = (...fallbacks: string[]): IdWay[] => [[p("hashes", "hashes")], ...fallbacks.map((f) => [p(f)])];

/**
 * Ways per platform entity type. A type has one or more ways; the first way that yields data wins.
 * `identity`, `location` and `threat-actor` are split by their OpenCTI entity type.
 */
export const ID_RULES: Readonly<Record<string, readonly IdWay[]>> = {
  // SDOs
  "attack-pattern": [[p("x_mitre_id")], NAME],
  "course-of-action": [[p("x_mitre_id")], NAME],
  campaign: [NAME],
  infrastructure: [NAME],
  "intrusion-set": [NAME],
  malware: [NAME],
  tool: [NAME],
  vulnerability: [NAME],
  channel: [NAME],
  event: [NAME],
  narrative: [NAME],
  language: [NAME],
  "data-component": [NAME],
  "data-source": [NAME],
  Individual: [[p("name", "norm"), p("identity_class", "norm", ["name"])]],
  Sector: [[p("name", "norm"), p("identity_class", "norm", ["name"])]],
  System: [[p("name", "norm"), p("identity_class", "norm", ["name"])]],
  SecurityPlatform: [[p("name", "norm"), p("identity_class", "norm", ["name"])]],
  Organization: [[p("name", "norm"), p("identity_class", "norm")]],
  City: [[p("name", "norm"), p("x_opencti_location_type", undefined, ["name"])]],
  Country: [[p("name", "norm"), p("x_opencti_location_type", undefined, ["name"])]],
  Region: [[p("name", "norm"), p("x_opencti_location_type", undefined, ["name"])]],
  "Administrative-Area": [NAME],
  Position: [[p("latitude"), p("longitude")], NAME],
  "Threat-Actor-Group": [[p("name", "norm"), p("opencti_type", undefined, ["name"])]],
  "Threat-Actor-Individual": [[p("name", "norm"), p("opencti_type", undefined, ["name"])]],
  report: [[p("name", "norm"), p("published", "date")]],
  note: [[p("content"), p("created", "date", ["content"])]],
  opinion: [[p("opinion"), p("created", "date", ["opinion"])]],
  "observed-data": [[p("object_refs", "sorted", undefined, "objects")]],
  incident: [nameAndCreated(true)],
  "case-incident": [nameAndCreated(true)],
  "case-rfi": [nameAndCreated(false)],
  "case-rft": [nameAndCreated(false)],
  task: [nameAndCreated(false)],
  feedback: [nameAndCreated(false)],
  grouping: [[p("name", "norm"), p("context"), p("created", "date")]],
  indicator: [[p("pattern")]],
  "malware-analysis": [[p("product"), p("result_name"), p("submitted", "date")]],
  "security-coverage": [[p("covered_ref", undefined, undefined, "objectCovered")]],
  // Meta objects
  "marking-definition": [[p("definition", "upper", ["definition_type"]), p("definition_type", "upper")]],
  label: [[p("value", "norm")]],
  vocabulary: [[p("name", "norm"), p("category")]],
  "kill-chain-phase": [[p("phase_name"), p("kill_chain_name")]],
  "external-reference": [[p("url")], [p("source_name", undefined, ["external_id"]), p("external_id")]],
  // SROs
  relationship: [
    [
      p("relationship_type"),
      p("source_ref", undefined, ["target_ref"]),
      p("target_ref", undefined, ["source_ref"]),
      p("start_time", "date"),
      p("stop_time", "date"),
    ],
  ],
  sighting: [
    [
      p("type"),
      p("sighting_of_ref", undefined, ["where_sighted_refs"]),
      p("where_sighted_refs", undefined, ["sighting_of_ref"]),
      p("first_seen", "date"),
      p("last_seen", "date"),
    ],
  ],
  // SCOs: values are never case-normalised
  "domain-name": [VALUE],
  "email-addr": [VALUE],
  "ipv4-addr": [VALUE],
  "ipv6-addr": [VALUE],
  "mac-addr": [VALUE],
  url: [VALUE],
  hostname: [VALUE],
  text: [VALUE],
  "user-agent": [VALUE],
  "cryptographic-key": [VALUE],
  "cryptocurrency-wallet": [VALUE],
  "phone-number": [VALUE],
  credential: [VALUE],
  "tracking-number": [VALUE],
  "autonomous-system": [[p("number")]],
  directory: [[p("path")]],
  mutex: [[p("name")]],
  artifact: hashedOr("url"),
  file: hashedOr("name"),
  "x509-certificate": hashedOr("serial_number", "subject"),
  "email-message": [[p("from_ref"), p("subject"), p("body")]],
  software: [[p("name"), p("cpe"), p("swid"), p("vendor"), p("version")]],
  "user-account": [[p("account_type"), p("user_id"), p("account_login")]],
  process: [[p("pid", undefined, ["command_line"]), p("command_line")]],
  "network-traffic": [
    [p("start", "date"), p("end", "date"), p("src_ref"), p("dst_ref"), p("src_port"), p("dst_port"), p("protocols")],
  ],
  "windows-registry-key": [[p("key"), p("values")]],
  "bank-account": [[p("iban")]],
  "payment-card": [[p("card_number")]],
  "media-content": [[p("url")]],
  "ssh-key": [[p("fingerprint_sha256")]],
  persona: [[p("persona_name"), p("persona_type")]],
};

/** Hash algorithms in the order the platform picks the one contributing hash. */
export const ID_HASH_ORDER = ["MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP"] as const;
