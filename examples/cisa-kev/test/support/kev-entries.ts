import { readFileSync } from "node:fs";
import { type KevCatalog, type KevEntry, kevCatalogSchema } from "../../src/client.js";

/**
 * The golden file of the fixture catalog (relative to the tests): what the connector sends for it, the author and
 * the TLP:CLEAR marking included.
 */
export const GOLDEN_SLICE = "./fixtures/golden/kev-slice.json";

/** The fixture catalog (`fixtures/known_exploited_vulnerabilities.json`), validated. */
export function fixtureCatalog(): KevCatalog {
  const text = readFileSync(new URL("../../fixtures/known_exploited_vulnerabilities.json", import.meta.url), "utf8");
  return kevCatalogSchema.parse(JSON.parse(text));
}

/** A catalog entry with the given fields over a fixed, valid one. */
export function kevEntry(fields: Partial<KevEntry> = {}): KevEntry {
  return {
    cveID: "CVE-2025-0001",
    vendorProject: "Acme",
    product: "Widget",
    vulnerabilityName: "Acme Widget Command Injection Vulnerability",
    dateAdded: "2025-08-01",
    shortDescription: "Acme Widget contains a command injection vulnerability.",
    requiredAction: "Apply mitigations per vendor instructions.",
    dueDate: "2025-08-22",
    knownRansomwareCampaignUse: "Unknown",
    notes: "",
    cwes: [],
    ...fields,
  };
}
