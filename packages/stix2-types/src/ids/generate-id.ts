import { canonicalJson } from "./canonical-json.js";
import { contributingData, type StixIdInput } from "./contributing-data.js";
import { uuidV5 } from "./uuid-v5.js";

// Ids fixed by the community for TLP markings (platform `STATIC_STANDARD_IDS`); CLEAR reuses TLP:WHITE's id.
const STATIC_TLP_IDS: Readonly<Record<string, string>> = {
  "TLP:WHITE": "613f2e26-407d-48c7-9eca-b8e91df99dc9",
  "TLP:CLEAR": "613f2e26-407d-48c7-9eca-b8e91df99dc9",
  "TLP:GREEN": "34098fce-860f-48ae-8e50-ebd3cc5e41da",
  "TLP:AMBER": "f88d31f6-486f-44da-b317-01333bde0b82",
  "TLP:AMBER+STRICT": "826578e1-40ad-459f-bc73-ede076f81f37",
  "TLP:RED": "5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
};

function staticId(data: Record<string, unknown>): string | undefined {
  const keys = Object.keys(data);
  if (keys.length !== 2 || data.definition_type !== "TLP" || typeof data.definition !== "string") return undefined;
  return Object.hasOwn(STATIC_TLP_IDS, data.definition) ? STATIC_TLP_IDS[data.definition] : undefined;
}

/**
 * The deterministic id of a STIX object, identical to the `standard_id` the OpenCTI platform stores for it:
 * `<type>--` + UUIDv5(OASIS namespace, RFC 8785 canonical JSON of its contributing data).
 *
 * Takes the object's `type` and its contributing properties with STIX names (refs as STIX ids); other
 * properties are ignored. The platform's rules apply where pycti differs (see the README). Throws
 * {@link StixValidationError} for a type without a rule, a sighting with several targets, or missing data.
 *
 * @example
 * generateId({ type: "malware", name: "Emotet" }); // "malware--36297121-bf18-56e1-b200-d39c9f9f5cee"
 */
export function generateId(object: StixIdInput): string {
  const data = contributingData(object);
  const uuid = (object.type === "marking-definition" ? staticId(data) : undefined) ?? uuidV5(canonicalJson(data));
  return `${object.type}--${uuid}`;
}
