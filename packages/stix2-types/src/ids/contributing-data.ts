import { StixValidationError, type StixValidationIssue } from "../errors/stix-validation-error.js";
import { normalizeTimestamp } from "../timestamps/stix-timestamp.js";
import { ID_HASH_ORDER, ID_RULES, type IdProperty, type IdWay } from "./id-rules.js";

/** The OpenCTI extension of STIX objects (`STIX_EXT_OCTI`). */
export const OPENCTI_EXTENSION_ID = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

/** A STIX-shaped object: its `type` plus any properties (refs as STIX ids). */
export type StixIdInput = { readonly type: string } & { readonly [key: string]: unknown };

type Input = Readonly<Record<string, unknown>>;

const IDENTITY_TYPES: Readonly<Record<string, string>> = {
  individual: "Individual",
  class: "Sector",
  system: "System",
  securityplatform: "SecurityPlatform",
};
const LOCATION_TYPES = new Set(["City", "Country", "Region", "Administrative-Area", "Position"]);
const THREAT_ACTOR_TYPES = new Set(["Threat-Actor-Group", "Threat-Actor-Individual"]);

/** True when `type` has a deterministic id rule (everything but e.g. `extension-definition`, `language-content`). */
export function hasDeterministicId(type: string): boolean {
  return type === "identity" || type === "location" || type === "threat-actor" || Object.hasOwn(ID_RULES, type);
}

function openctiExtension(object: Input): Input | undefined {
  const extensions = object.extensions;
  if (typeof extensions !== "object" || extensions === null) return undefined;
  const extension = (extensions as Input)[OPENCTI_EXTENSION_ID];
  return typeof extension === "object" && extension !== null ? (extension as Input) : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Which rule applies and the object as the rule reads it (platform-side derived values filled in). */
function prepare(object: Input, issues: StixValidationIssue[]): { rule: string; input: Input } | undefined {
  const type = object.type as string;
  switch (type) {
    case "identity": {
      const identityClass = object.identity_class;
      const key = typeof identityClass === "string" ? identityClass.toLowerCase().trim() : "";
      return { rule: IDENTITY_TYPES[key] ?? "Organization", input: object };
    }
    case "location": {
      const extension = openctiExtension(object);
      const declared = object.x_opencti_location_type ?? extension?.location_type ?? extension?.type;
      // Without a declared kind the worker infers one from the STIX properties (pycti `Location.import_from_stix2`).
      const kind =
        declared ??
        (object.city !== undefined
          ? "City"
          : object.country !== undefined
            ? "Country"
            : object.region !== undefined
              ? "Region"
              : "Position");
      if (typeof kind !== "string" || !LOCATION_TYPES.has(kind)) {
        issues.push({
          path: "x_opencti_location_type",
          message: `must be one of ${[...LOCATION_TYPES].join(", ")} (got ${JSON.stringify(kind)})`,
        });
        return undefined;
      }
      const name = object.name ?? object.city ?? object.country ?? object.region;
      return { rule: kind, input: { ...object, name, x_opencti_location_type: kind } };
    }
    case "threat-actor": {
      const kind = object.x_opencti_type ?? openctiExtension(object)?.type ?? "Threat-Actor-Group";
      if (typeof kind !== "string" || !THREAT_ACTOR_TYPES.has(kind)) {
        issues.push({
          path: "x_opencti_type",
          message: `must be Threat-Actor-Group or Threat-Actor-Individual (got ${JSON.stringify(kind)})`,
        });
        return undefined;
      }
      return { rule: kind, input: { ...object, opencti_type: kind } };
    }
    case "attack-pattern":
      return { rule: type, input: { ...object, x_mitre_id: object.x_mitre_id ?? object.x_opencti_external_id } };
    case "marking-definition":
      return { rule: type, input: markingInput(object) };
    case "sighting": {
      const targets = object.where_sighted_refs;
      if (Array.isArray(targets) && targets.length > 1) {
        issues.push({
          path: "where_sighted_refs",
          message:
            "the platform identifies a sighting by a single target: emit one sighting per where_sighted_refs entry " +
            "(sightingsPerTarget does it)",
        });
        return undefined;
      }
      return { rule: type, input: { ...object, type: "sighting" } };
    }
    default:
      return Object.hasOwn(ID_RULES, type) ? { rule: type, input: object } : undefined;
  }
}

/** The worker's reading of a marking definition: `x_opencti_definition*` first, then the STIX definition. */
function markingInput(object: Input): Input {
  let definitionType = object.x_opencti_definition_type ?? object.definition_type;
  let definition = object.x_opencti_definition;
  if (definition === undefined) {
    const stixDefinition = object.definition;
    if (object.definition_type === "tlp" && typeof stixDefinition === "object" && stixDefinition !== null) {
      const tlp = (stixDefinition as Input).tlp;
      definitionType = object.x_opencti_definition_type ?? "TLP";
      definition = typeof tlp === "string" ? `TLP:${tlp.toUpperCase()}` : undefined;
    } else if (typeof stixDefinition === "string") {
      definition = stixDefinition;
    } else if (typeof stixDefinition === "object" && stixDefinition !== null && typeof definitionType === "string") {
      definition = (stixDefinition as Input)[definitionType];
    }
    definition ??= object.name;
  }
  return { definition, definition_type: definitionType };
}

function normalise(property: IdProperty, value: unknown, issues: StixValidationIssue[]): unknown {
  switch (property.norm) {
    case undefined:
      return value;
    case "norm":
    case "upper":
      if (typeof value !== "string") {
        issues.push({ path: property.src, message: `must be a string (got ${typeof value})` });
        return undefined;
      }
      return property.norm === "norm" ? value.toLowerCase().trim() : value.toUpperCase();
    case "date": {
      const normalised = typeof value === "string" ? normalizeTimestamp(value) : undefined;
      if (normalised === undefined) {
        issues.push({ path: property.src, message: `must be an RFC 3339 timestamp (got ${JSON.stringify(value)})` });
      }
      return normalised;
    }
    case "sorted":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        issues.push({ path: property.src, message: "must be a list of STIX ids" });
        return undefined;
      }
      return [...value].sort();
    case "hashes":
      return pickHash(property, value, issues);
  }
}

function pickHash(property: IdProperty, value: unknown, issues: StixValidationIssue[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.push({ path: property.src, message: "must be an object of algorithm → hash value" });
    return undefined;
  }
  const upper: Record<string, unknown> = {};
  for (const [algorithm, hash] of Object.entries(value)) upper[algorithm.toUpperCase()] = hash;
  for (const algorithm of ID_HASH_ORDER) {
    const hash = upper[algorithm];
    if (hash) return { [algorithm]: hash };
  }
  return undefined;
}

function dataOfWay(way: IdWay, input: Input, issues: StixValidationIssue[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const property of way) {
    const value = input[property.src];
    if (value === undefined) continue;
    if (property.deps?.some((dependency) => isEmpty(input[dependency]))) return {};
    const normalised = value ? normalise(property, value, issues) : value;
    if (!isEmpty(normalised)) data[property.dest ?? property.src] = normalised;
  }
  return data;
}

function describeWays(ways: readonly IdWay[]): string {
  return ways.map((way) => way.map((property) => property.src).join(" + ")).join(", or ");
}

/**
 * The contributing data of a STIX object: the values the platform hashes into its `standard_id`, after the
 * platform's normalisation (see the package README and spec §9). Throws {@link StixValidationError} when the
 * type has no rule or the object lacks every way's properties.
 */
export function contributingData(object: StixIdInput): Record<string, unknown> {
  const issues: StixValidationIssue[] = [];
  if (typeof object?.type !== "string") {
    throw new StixValidationError([{ path: "type", message: "must be a string naming the STIX type" }]);
  }
  const prepared = prepare(object, issues);
  if (prepared === undefined) {
    if (issues.length > 0) throw new StixValidationError(issues);
    throw new StixValidationError([
      {
        path: "type",
        message: `"${object.type}" has no deterministic id rule (not a STIX 2.1 or OpenCTI type that the platform identifies by its content)`,
      },
    ]);
  }
  const ways = ID_RULES[prepared.rule] as readonly IdWay[];
  for (const way of ways) {
    const data = dataOfWay(way, prepared.input, issues);
    if (issues.length > 0) throw new StixValidationError(issues);
    if (Object.keys(data).length > 0) return data;
  }
  throw new StixValidationError([
    {
      path: "",
      message: `cannot compute the id of ${/^[aeiou]/.test(object.type) ? "an" : "a"} ${object.type}${
        prepared.rule === object.type ? "" : ` (${prepared.rule})`
      }: it needs ${describeWays(ways)}`,
    },
  ]);
}
