import { defaultBuilders, type Identity, type StixBuilders, type StixObject } from "@org/stix2-types";
import type { KevRecord } from "./batches.js";
import type { KevEntry } from "./client.js";

/** The label of vulnerabilities CISA knows to be used in ransomware campaigns. */
export const RANSOMWARE_LABEL = "known-ransomware-campaign-use";

/** The catalog's web page, searched for one CVE. */
export const CATALOG_PAGE = "https://www.cisa.gov/known-exploited-vulnerabilities-catalog";

/**
 * The author of every object: CISA, as an organization. Its dates are fixed (the catalog's launch) so the
 * author is the same object in every run.
 */
export const CISA_AUTHOR: Identity = defaultBuilders.identity({
  name: "Cybersecurity and Infrastructure Security Agency",
  identity_class: "organization",
  description:
    "The Cybersecurity and Infrastructure Security Agency (CISA), the United States agency that maintains the Known Exploited Vulnerabilities catalog.",
  external_references: [{ source_name: "CISA", url: "https://www.cisa.gov" }],
  created: "2021-11-03T00:00:00.000Z",
  modified: "2021-11-03T00:00:00.000Z",
});

/** The note's Markdown: what CISA asks of defenders, and by when. */
export function kevNoteContent(entry: KevEntry): string {
  const lines = [
    `**${entry.vulnerabilityName}** is in CISA's Known Exploited Vulnerabilities catalog.`,
    "",
    `- Added to the catalog: ${entry.dateAdded}`,
    `- Required action: ${entry.requiredAction}`,
    `- Due date (US federal agencies, BOD 22-01): ${entry.dueDate}`,
    `- Known ransomware campaign use: ${entry.knownRansomwareCampaignUse ?? "Unknown"}`,
  ];
  if (entry.notes !== undefined && entry.notes.trim() !== "") lines.push(`- Notes: ${entry.notes.trim()}`);
  return lines.join("\n");
}

/**
 * Maps one catalog entry to STIX with the connector's bound builders (author and TLP marking attached):
 *
 * - a `vulnerability` named after the CVE, with the short description, `x_opencti_cisa_kev: true`, the CWEs in
 *   `x_opencti_cwe`, the label {@link RANSOMWARE_LABEL} when ransomware use is known, and external references to
 *   NVD and to the catalog;
 * - a `note` on it with the required action, the due date and CISA's notes;
 * - the vendor's product as `software` (when `withSoftware`) and a `has` relationship software → vulnerability
 *   (the direction the platform allows).
 *
 * Dates come from `dateAdded`, so the same entry always gives the same objects.
 */
export function mapKevRecord(record: KevRecord, stix: StixBuilders): StixObject[] {
  const { entry } = record;
  const cve = entry.cveID;
  const created = `${entry.dateAdded}T00:00:00.000Z`;
  const ransomware = entry.knownRansomwareCampaignUse?.trim().toLowerCase() === "known";
  const cwes = entry.cwes ?? [];
  const vulnerability = stix.vulnerability({
    name: cve,
    description: entry.shortDescription,
    created,
    modified: created,
    ...(ransomware ? { labels: [RANSOMWARE_LABEL] } : {}),
    external_references: [
      { source_name: "NVD", external_id: cve, url: `https://nvd.nist.gov/vuln/detail/${cve}` },
      { source_name: "CISA KEV", external_id: cve, url: `${CATALOG_PAGE}?search=${cve}` },
    ],
    x_opencti_cisa_kev: true,
    ...(cwes.length > 0 ? { x_opencti_cwe: cwes } : {}),
  });
  const note = stix.note({
    abstract: `CISA KEV: ${entry.vulnerabilityName}`,
    content: kevNoteContent(entry),
    object_refs: [vulnerability.id],
    note_types: ["external"],
    created,
    modified: created,
  });
  const objects: StixObject[] = [vulnerability, note];
  const product = entry.product.trim();
  if (product === "") return objects;
  const vendor = entry.vendorProject.trim();
  const software = stix.software({ name: product, ...(vendor === "" ? {} : { vendor }) });
  if (record.withSoftware) objects.push(software);
  objects.push(
    stix.relationship({
      relationship_type: "has",
      source_ref: software.id,
      target_ref: vulnerability.id,
      created,
      modified: created,
    }),
  );
  return objects;
}
