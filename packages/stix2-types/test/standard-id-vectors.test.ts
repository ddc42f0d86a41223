import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateId, type StixIdInput } from "../src/index.js";

interface PlatformVector {
  source: string;
  entity_type: string;
  input: Record<string, unknown>;
  expected: string;
}
interface PyctiVector {
  source: string;
  stix_input: StixIdInput;
  expected: string;
}
const vectors = JSON.parse(
  readFileSync(new URL("./fixtures/standard-id-test-vectors.json", import.meta.url), "utf8"),
) as { platform_vectors: PlatformVector[]; pycti_stix_vectors: PyctiVector[] };

const IDENTITY_TYPES = new Set(["Individual", "Sector", "System", "Organization", "SecurityPlatform"]);
const LOCATION_TYPES = new Set(["City", "Country", "Region", "Administrative-Area", "Position"]);
const THREAT_ACTOR_TYPES = new Set(["Threat-Actor-Group", "Threat-Actor-Individual"]);

const standardId = (end: unknown): unknown => (end as { standard_id?: unknown } | undefined)?.standard_id;

/**
 * Translates a platform vector (platform entity type + attribute names) into the STIX object a connector would
 * emit: ends become `source_ref`/`target_ref` or `sighting_of_ref`/`where_sighted_refs`, observed-data `objects`
 * become `object_refs`, the entity type becomes the STIX type plus `x_opencti_location_type`/`x_opencti_type`.
 */
function toStix(vector: PlatformVector): StixIdInput {
  const { entity_type: entityType } = vector;
  const { entity_type: _ignored, createdBy: _author, from, to, objects, ...attributes } = vector.input;
  if (entityType === "stix-sighting-relationship") {
    const { relationship_type: _sighting, ...rest } = attributes;
    return { type: "sighting", ...rest, sighting_of_ref: standardId(from), where_sighted_refs: [standardId(to)] };
  }
  if (from !== undefined || to !== undefined) {
    return { type: "relationship", ...attributes, source_ref: standardId(from), target_ref: standardId(to) };
  }
  if (IDENTITY_TYPES.has(entityType)) return { type: "identity", ...attributes };
  if (LOCATION_TYPES.has(entityType)) return { type: "location", ...attributes, x_opencti_location_type: entityType };
  if (THREAT_ACTOR_TYPES.has(entityType)) return { type: "threat-actor", ...attributes, x_opencti_type: entityType };
  if (entityType === "Observed-Data") {
    return { type: "observed-data", object_refs: (objects as unknown[]).map(standardId) };
  }
  return { type: entityType.toLowerCase(), ...attributes };
}

describe("platform_vectors (opencti-graphql identifier-test.js, report-test.js)", () => {
  it("has the 61 vectors", () => {
    expect(vectors.platform_vectors).toHaveLength(61);
  });

  it.each(vectors.platform_vectors.map((v, i) => [i, v.entity_type, v] as const))("#%i %s", (_i, _type, vector) => {
    expect(generateId(toStix(vector))).toBe(vector.expected);
  });
});

describe("pycti_stix_vectors (client-python test_bundle_ids_rewrite.py)", () => {
  it("has the 53 vectors", () => {
    expect(vectors.pycti_stix_vectors).toHaveLength(53);
  });

  it.each(vectors.pycti_stix_vectors.map((v, i) => [i, v.stix_input.type, v] as const))(
    "#%i %s",
    (_i, _type, vector) => {
      expect(generateId(vector.stix_input)).toBe(vector.expected);
    },
  );
});
