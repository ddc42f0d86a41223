/** The catalog's use cases (OpenCTI-Platform/connectors `tests/_manifest_validators.py`). */
const USE_CASES = new Set([
  "Adversary & Campaign Insights",
  "Vulnerability & Exploit Awareness",
  "Infrastructure & Attack Surface Visibility",
  "Detection & Response Enablement",
  "Fraud, Financial Crime & Cryptocurrency Monitoring",
  "Brand, Digital Risk & Underground Exposure",
  "Third-Party & Supply Chain Oversight",
  "Cloud, SaaS & Platform Security",
  "Geopolitical, Physical & Hybrid Risk Analysis",
  "Market Vertical & Mission-Specific Intelligence",
  "FIMI & Disinformation",
  "Other",
]);

/** The catalog's solution categories (same source). */
const SOLUTION_CATEGORIES = new Set([
  "Threat Intelligence Feed",
  "Endpoint Detection & Response",
  "SIEM & Security Analytics",
  "Malware Analysis & Sandbox",
  "SOAR & Security Automation",
  "Vulnerability & Exposure Management",
  "Attack Surface Management",
  "Network Security",
  "Email Security",
  "AI Security",
  "Incident Response & Case Management",
  "Digital Risk Protection",
  "Governance, Risk & Compliance",
  "Cloud Security",
  "Enrichment & Reputation",
  "Import, Export & Sharing",
  "Other",
]);

const CONTAINER_TYPES = new Set([
  "EXTERNAL_IMPORT",
  "INTERNAL_ENRICHMENT",
  "INTERNAL_EXPORT_FILE",
  "INTERNAL_HUNT",
  "INTERNAL_IMPORT_FILE",
  "STREAM",
]);

const isText = (value: unknown) => typeof value === "string" && value.trim() !== "";
const isTextOrNull = (value: unknown) => value === null || isText(value);
const isIsoDate = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const oneToThreeOf = (list: ReadonlySet<string>) => (value: unknown) =>
  Array.isArray(value) && value.length >= 1 && value.length <= 3 && value.every((item) => list.has(item));

/** Each key of the manifest and what its value must be. */
const RULES: Readonly<Record<string, readonly [valid: (value: unknown) => boolean, expected: string]>> = {
  title: [isText, "a non-empty string"],
  slug: [(v) => typeof v === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), "kebab-case, e.g. acme-feed"],
  description: [isText, "a non-empty string"],
  short_description: [(v) => isText(v) && (v as string).length <= 250, "a non-empty string of at most 250 characters"],
  logo: [isTextOrNull, "a path or null"],
  use_cases: [oneToThreeOf(USE_CASES), "1 to 3 of the catalog's use cases"],
  solution_categories: [oneToThreeOf(SOLUTION_CATEGORIES), "1 to 3 of the catalog's solution categories"],
  contact: [isTextOrNull, "a non-empty string or null"],
  license_type: [(v) => v === null || v === "Free" || v === "Commercial", '"Free", "Commercial" or null'],
  verified: [(v) => typeof v === "boolean", "a boolean"],
  last_verified_date: [(v) => v === null || isIsoDate(v), "a date YYYY-MM-DD or null"],
  playbook_supported: [(v) => typeof v === "boolean", "a boolean"],
  max_confidence_level: [(v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100, "0 to 100"],
  support_version: [(v) => typeof v === "string" && /^(>=|>|<=|<|=)?\d+\.\d+\.\d+$/.test(v), "e.g. >=6.8.12"],
  subscription_link: [isTextOrNull, "a URL or null"],
  source_code: [
    (v) => typeof v === "string" && v.startsWith("https://github.com/OpenCTI-Platform/connectors/"),
    "a URL under https://github.com/OpenCTI-Platform/connectors/",
  ],
  manager_supported: [(v) => typeof v === "boolean", "a boolean"],
  container_version: [isText, 'a non-empty string, e.g. "rolling"'],
  container_image: [(v) => typeof v === "string" && v.startsWith("opencti/connector-"), "opencti/connector-<slug>"],
  container_type: [(v) => CONTAINER_TYPES.has(v as string), "a connector type, e.g. EXTERNAL_IMPORT"],
};

/**
 * What is wrong with a connector's `__metadata__/connector_manifest.json` by the rules of the OpenCTI connectors
 * catalog (its manifest validators): exactly its twenty keys, each with a valid value (use cases and solution
 * categories from the catalog's lists, a kebab-case slug, an `opencti/connector-*` image...). Returns one line per
 * problem, `[]` for a valid manifest.
 *
 * @example
 * ```ts
 * const manifest = JSON.parse(readFileSync("__metadata__/connector_manifest.json", "utf8"));
 * expect(connectorManifestProblems(manifest)).toEqual([]);
 * ```
 */
export function connectorManifestProblems(manifest: unknown): string[] {
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    return ["the manifest must be a JSON object"];
  }
  const given = manifest as Record<string, unknown>;
  const problems = Object.entries(RULES).flatMap(([key, [valid, expected]]) => {
    if (!Object.hasOwn(given, key)) return [`${key}: missing (${expected})`];
    return valid(given[key]) ? [] : [`${key}: ${JSON.stringify(given[key])} is not ${expected}`];
  });
  const unknown = Object.keys(given).filter((key) => !Object.hasOwn(RULES, key));
  return [...problems, ...unknown.map((key) => `${key}: not a key of the catalog's manifest`)];
}
