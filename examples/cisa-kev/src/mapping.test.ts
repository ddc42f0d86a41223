import { generateId, TLP_AMBER, TLP_CLEAR, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { kevEntry } from "../test/support/kev-entries.js";
import { CISA_AUTHOR, kevNoteContent, mapKevRecord, RANSOMWARE_LABEL } from "./mapping.js";

const stix = withDefaults({ createdBy: CISA_AUTHOR, markings: [TLP_CLEAR], now: 0 });
const AUTHOR = "identity--80f07246-1c8c-5225-9ac5-fba6d6345f99";
const CLEAR = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

const sharepoint = kevEntry({
  cveID: "CVE-2025-49704",
  vendorProject: "Microsoft",
  product: "SharePoint",
  vulnerabilityName: "Microsoft SharePoint Code Injection Vulnerability",
  dateAdded: "2025-07-22",
  shortDescription: "Microsoft SharePoint contains a code injection vulnerability.",
  requiredAction: "Apply mitigations per vendor instructions.",
  dueDate: "2025-07-23",
  knownRansomwareCampaignUse: "Known",
  notes: "https://nvd.nist.gov/vuln/detail/CVE-2025-49704 ",
  cwes: ["CWE-94"],
});

describe("CISA_AUTHOR", () => {
  // Ids checked against UUIDv5(OASIS namespace, canonical JSON) computed independently (Python uuid, json).
  it("is CISA as an organization, with the platform's id and fixed dates", () => {
    expect(CISA_AUTHOR).toMatchObject({
      type: "identity",
      id: AUTHOR,
      name: "Cybersecurity and Infrastructure Security Agency",
      identity_class: "organization",
      created: "2021-11-03T00:00:00.000Z",
    });
    expect(generateId(CISA_AUTHOR)).toBe(AUTHOR);
  });
});

describe("mapKevRecord", () => {
  it("maps an entry to a vulnerability, a note, the software and software -has-> vulnerability", () => {
    const [vulnerability, note, software, has, ...rest] = mapKevRecord({ entry: sharepoint, withSoftware: true }, stix);
    expect(rest).toEqual([]);
    expect(vulnerability).toEqual({
      type: "vulnerability",
      spec_version: "2.1",
      id: "vulnerability--bc9e1ac7-3679-5067-8f57-d0586e65ecaf",
      created: "2025-07-22T00:00:00.000Z",
      modified: "2025-07-22T00:00:00.000Z",
      name: "CVE-2025-49704",
      description: "Microsoft SharePoint contains a code injection vulnerability.",
      labels: [RANSOMWARE_LABEL],
      external_references: [
        {
          source_name: "NVD",
          external_id: "CVE-2025-49704",
          url: "https://nvd.nist.gov/vuln/detail/CVE-2025-49704",
        },
        {
          source_name: "CISA KEV",
          external_id: "CVE-2025-49704",
          url: "https://www.cisa.gov/known-exploited-vulnerabilities-catalog?search=CVE-2025-49704",
        },
      ],
      x_opencti_cisa_kev: true,
      x_opencti_cwe: ["CWE-94"],
      created_by_ref: AUTHOR,
      object_marking_refs: [CLEAR],
    });
    expect(note).toEqual({
      type: "note",
      spec_version: "2.1",
      id: generateId({
        type: "note",
        content: kevNoteContent(sharepoint),
        created: "2025-07-22T00:00:00.000Z",
      }),
      created: "2025-07-22T00:00:00.000Z",
      modified: "2025-07-22T00:00:00.000Z",
      abstract: "CISA KEV: Microsoft SharePoint Code Injection Vulnerability",
      content: [
        "**Microsoft SharePoint Code Injection Vulnerability** is in CISA's Known Exploited Vulnerabilities catalog.",
        "",
        "- Added to the catalog: 2025-07-22",
        "- Required action: Apply mitigations per vendor instructions.",
        "- Due date (US federal agencies, BOD 22-01): 2025-07-23",
        "- Known ransomware campaign use: Known",
        "- Notes: https://nvd.nist.gov/vuln/detail/CVE-2025-49704",
      ].join("\n"),
      object_refs: [vulnerability?.id],
      note_types: ["external"],
      created_by_ref: AUTHOR,
      object_marking_refs: [CLEAR],
    });
    expect(software).toEqual({
      type: "software",
      spec_version: "2.1",
      id: "software--2c8f8892-6ecf-53c3-896f-2d0cd85df60b",
      name: "SharePoint",
      vendor: "Microsoft",
      x_opencti_created_by_ref: AUTHOR,
      object_marking_refs: [CLEAR],
    });
    expect(has).toEqual({
      type: "relationship",
      spec_version: "2.1",
      id: generateId({
        type: "relationship",
        relationship_type: "has",
        source_ref: software?.id,
        target_ref: vulnerability?.id,
      }),
      created: "2025-07-22T00:00:00.000Z",
      modified: "2025-07-22T00:00:00.000Z",
      relationship_type: "has",
      source_ref: software?.id,
      target_ref: vulnerability?.id,
      created_by_ref: AUTHOR,
      object_marking_refs: [CLEAR],
    });
  });

  it("gives every object the platform's deterministic id", () => {
    for (const object of mapKevRecord({ entry: sharepoint, withSoftware: true }, stix)) {
      expect(generateId(object)).toBe(object.id);
    }
  });

  it("leaves the software out when an earlier entry of the batch emits it, keeping the relationship", () => {
    const objects = mapKevRecord({ entry: sharepoint, withSoftware: false }, stix);
    expect(objects.map((o) => o.type)).toEqual(["vulnerability", "note", "relationship"]);
    expect(objects[2]).toMatchObject({ source_ref: "software--2c8f8892-6ecf-53c3-896f-2d0cd85df60b" });
  });

  it("adds no label without known ransomware use, no CWE property without CWEs, no empty notes line", () => {
    const entry = kevEntry({ knownRansomwareCampaignUse: "Unknown", cwes: [], notes: " " });
    const [vulnerability, note] = mapKevRecord({ entry, withSoftware: true }, stix);
    expect(vulnerability).not.toHaveProperty("labels");
    expect(vulnerability).not.toHaveProperty("x_opencti_cwe");
    expect(note).toMatchObject({ content: expect.not.stringContaining("Notes:") });
  });

  it("maps an entry without a product to the vulnerability and its note only", () => {
    const objects = mapKevRecord({ entry: kevEntry({ product: " " }), withSoftware: true }, stix);
    expect(objects.map((o) => o.type)).toEqual(["vulnerability", "note"]);
  });

  it("marks every object with the bound TLP", () => {
    const amber = withDefaults({ createdBy: CISA_AUTHOR, markings: [TLP_AMBER] });
    for (const object of mapKevRecord({ entry: sharepoint, withSoftware: true }, amber)) {
      expect(object.object_marking_refs).toEqual([TLP_AMBER.id]);
    }
  });
});
