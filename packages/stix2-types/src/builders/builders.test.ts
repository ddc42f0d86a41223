import { describe, expect, it } from "vitest";
import { issuesOf } from "../../test/support/issues-of.js";
import { generateId } from "../ids/generate-id.js";
import { parseStixObject } from "../schemas/parse.js";
import { STIX_TYPES, type StixObject } from "../schemas/stix-object-schemas.js";
import { type StixBuilders, withDefaults } from "./builder-set.js";

const NOW = "2024-01-02T03:04:05.006Z";
const b = withDefaults({ now: Date.parse(NOW) });
const M = "malware--36297121-bf18-56e1-b200-d39c9f9f5cee";
const ORG = "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69";
const IP = "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4";
const CREATED = "2024-01-01T00:00:00.000Z";
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** One call of every builder, with the minimal input OpenCTI accepts. */
const everyBuilder: readonly (readonly [string, (b: StixBuilders) => StixObject])[] = [
  ["attackPattern", (b) => b.attackPattern({ name: "Phishing", x_mitre_id: "T1566" })],
  ["campaign", (b) => b.campaign({ name: "Operation X" })],
  ["courseOfAction", (b) => b.courseOfAction({ name: "Patch" })],
  ["grouping", (b) => b.grouping({ name: "G", context: "suspicious-activity", object_refs: [M], created: CREATED })],
  ["identity", (b) => b.identity({ name: "ACME Corp", identity_class: "organization" })],
  ["incident", (b) => b.incident({ name: "Breach", created: CREATED })],
  ["indicator", (b) => b.indicator({ name: "1.2.3.4", pattern: "[ipv4-addr:value = '1.2.3.4']" })],
  ["infrastructure", (b) => b.infrastructure({ name: "C2" })],
  ["intrusionSet", (b) => b.intrusionSet({ name: "APT28" })],
  ["location", (b) => b.location({ name: "France", x_opencti_location_type: "Country" })],
  ["malware", (b) => b.malware({ name: "Emotet" })],
  ["malwareAnalysis", (b) => b.malwareAnalysis({ product: "Sandbox", result_name: "Trojan", result: "malicious" })],
  ["note", (b) => b.note({ content: "Seen", object_refs: [M], created: CREATED })],
  [
    "observedData",
    (b) => b.observedData({ first_observed: CREATED, last_observed: CREATED, number_observed: 1, object_refs: [IP] }),
  ],
  ["opinion", (b) => b.opinion({ opinion: "agree", object_refs: [M], created: CREATED })],
  ["report", (b) => b.report({ name: "Weekly", published: CREATED, object_refs: [M] })],
  ["threatActor", (b) => b.threatActor({ name: "Sandworm" })],
  ["tool", (b) => b.tool({ name: "Cobalt Strike" })],
  ["vulnerability", (b) => b.vulnerability({ name: "CVE-2024-3400" })],
  ["caseIncident", (b) => b.caseIncident({ name: "Case", created: CREATED })],
  ["caseRfi", (b) => b.caseRfi({ name: "RFI", created: CREATED })],
  ["caseRft", (b) => b.caseRft({ name: "RFT", created: CREATED })],
  ["task", (b) => b.task({ name: "Triage", created: CREATED })],
  ["feedback", (b) => b.feedback({ name: "Feedback", created: CREATED, rating: 5 })],
  ["channel", (b) => b.channel({ name: "@leaks" })],
  ["narrative", (b) => b.narrative({ name: "Fake news" })],
  ["dataSource", (b) => b.dataSource({ name: "Process" })],
  ["dataComponent", (b) => b.dataComponent({ name: "Process Creation" })],
  ["event", (b) => b.event({ name: "Elections" })],
  ["language", (b) => b.language({ name: "fr" })],
  ["securityCoverage", (b) => b.securityCoverage({ name: "Coverage", covered_ref: M })],
  ["relationship", (b) => b.relationship({ relationship_type: "uses", source_ref: M, target_ref: IP })],
  ["sighting", (b) => b.sighting({ sighting_of_ref: M, where_sighted_refs: [ORG] })],
  ["artifact", (b) => b.artifact({ payload_bin: "aGVsbG8=", hashes: { MD5: "5d41402abc4b2a76b9719d911017c592" } })],
  ["autonomousSystem", (b) => b.autonomousSystem({ number: 15169 })],
  ["directory", (b) => b.directory({ path: "C:\\Temp" })],
  ["domainName", (b) => b.domainName({ value: "example.com" })],
  ["emailAddress", (b) => b.emailAddress({ value: "jane@example.com" })],
  ["emailMessage", (b) => b.emailMessage({ subject: "Invoice" })],
  ["file", (b) => b.file({ hashes: { "SHA-256": SHA256 } })],
  ["ipv4Address", (b) => b.ipv4Address({ value: "1.2.3.4" })],
  ["ipv6Address", (b) => b.ipv6Address({ value: "2001:db8::1" })],
  ["macAddress", (b) => b.macAddress({ value: "00:1a:2b:3c:4d:5e" })],
  ["mutex", (b) => b.mutex({ name: "Global\\X" })],
  ["networkTraffic", (b) => b.networkTraffic({ src_ref: IP, protocols: ["tcp"], dst_port: 443 })],
  ["process", (b) => b.process({ command_line: "cmd.exe /c whoami" })],
  ["software", (b) => b.software({ name: "Apache HTTP Server", version: "2.4.58" })],
  ["url", (b) => b.url({ value: "https://example.com/a" })],
  ["userAccount", (b) => b.userAccount({ account_login: "jdoe" })],
  ["windowsRegistryKey", (b) => b.windowsRegistryKey({ key: "HKEY_LOCAL_MACHINE\\Software" })],
  ["x509Certificate", (b) => b.x509Certificate({ serial_number: "01:02" })],
  ["hostname", (b) => b.hostname({ value: "srv01.corp" })],
  ["cryptocurrencyWallet", (b) => b.cryptocurrencyWallet({ value: "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh" })],
  ["cryptographicKey", (b) => b.cryptographicKey({ value: "ssh-rsa AAAA" })],
  ["text", (b) => b.text({ value: "Hello" })],
  ["userAgent", (b) => b.userAgent({ value: "Mozilla/5.0" })],
  ["phoneNumber", (b) => b.phoneNumber({ value: "+33123456789" })],
  ["credential", (b) => b.credential({ value: "hunter2" })],
  ["trackingNumber", (b) => b.trackingNumber({ value: "1Z999AA10123456784" })],
  ["bankAccount", (b) => b.bankAccount({ iban: "FR7630006000011234567890189" })],
  ["paymentCard", (b) => b.paymentCard({ card_number: "4111111111111111" })],
  ["mediaContent", (b) => b.mediaContent({ url: "https://video.test/1" })],
  ["persona", (b) => b.persona({ persona_name: "@handle", persona_type: "twitter" })],
  ["sshKey", (b) => b.sshKey({ fingerprint_sha256: "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8" })],
  ["statementMarking", (b) => b.statementMarking("Copyright 2024", { created: CREATED })],
  [
    "languageContent",
    (b) => b.languageContent({ object_ref: M, object_modified: CREATED, contents: { fr: { name: "Émotet" } } }),
  ],
  [
    "extensionDefinition",
    (b) =>
      b.extensionDefinition({
        created_by_ref: ORG,
        name: "ext",
        schema: "https://example.com/schema.json",
        version: "1.0",
        extension_types: ["property-extension"],
      }),
  ],
];

describe("a builder for every type", () => {
  it("covers every supported type", () => {
    const built = new Set(everyBuilder.map(([, build]) => build(b).type));
    expect([...built].sort()).toEqual([...STIX_TYPES].sort());
  });

  it.each(everyBuilder)("%s builds a valid object with spec_version and its id", (_name, build) => {
    const object = build(b);
    expect(object.spec_version).toBe("2.1");
    expect(JSON.parse(JSON.stringify(parseStixObject(object)))).toEqual(object);
    if (object.type === "language-content" || object.type === "extension-definition") {
      expect(object.id).toMatch(
        new RegExp(`^${object.type}--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
      );
    } else {
      expect(object.id).toBe(generateId(object));
    }
  });
});

describe("common properties", () => {
  it("fills created and modified from the clock, modified from created when given", () => {
    const malware = b.malware({ name: "Emotet" });
    expect(malware).toEqual({
      type: "malware",
      spec_version: "2.1",
      id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
      created: NOW,
      modified: NOW,
      name: "Emotet",
      is_family: false,
    });
    const dated = b.tool({ name: "T", created: "2023-05-01T00:00:00Z" });
    expect([dated.created, dated.modified]).toEqual(["2023-05-01T00:00:00.000Z", "2023-05-01T00:00:00.000Z"]);
  });

  it("accepts the clock as a Date, epoch milliseconds or a function", () => {
    for (const now of [new Date(NOW), Date.parse(NOW), () => new Date(NOW), () => Date.parse(NOW)]) {
      expect(withDefaults({ now }).campaign({ name: "C" }).created).toBe(NOW);
    }
  });

  it("gives observables no created/modified", () => {
    expect(b.ipv4Address({ value: "1.2.3.4" })).toEqual({
      type: "ipv4-addr",
      spec_version: "2.1",
      id: "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4",
      value: "1.2.3.4",
    });
  });

  it("trims the properties hashed into the id, so object and id agree", () => {
    const indicator = b.indicator({ name: " 1.2.3.4 ", pattern: "  [ipv4-addr:value = '1.2.3.4']\n" });
    expect(indicator.pattern).toBe("[ipv4-addr:value = '1.2.3.4']");
    expect(indicator.id).toBe("indicator--274128a4-2ad4-50b5-ae7b-b0dea1fa9861");
    expect(b.attackPattern({ name: "P", x_mitre_id: " T1566 " }).x_mitre_id).toBe("T1566");
    expect(b.domainName({ value: " example.com " }).value).toBe("example.com");
  });

  it("normalises timestamps to milliseconds and UTC", () => {
    const report = b.report({ name: "R", published: "2024-06-01T02:00:00+02:00", object_refs: [M] });
    expect(report.published).toBe("2024-06-01T00:00:00.000Z");
    expect(report.id).toBe(generateId({ type: "report", name: "R", published: "2024-06-01T00:00:00.000Z" }));
  });

  it("drops undefined values and empty lists instead of emitting them", () => {
    const malware = b.malware({ name: "Emotet", aliases: [], description: undefined });
    expect(Object.keys(malware)).not.toContain("aliases");
    expect(Object.keys(malware)).not.toContain("description");
  });

  it("keeps custom x_ properties", () => {
    expect(b.ipv4Address({ value: "1.2.3.4", x_opencti_score: 80, x_source_feed: "abc" })).toMatchObject({
      x_opencti_score: 80,
      x_source_feed: "abc",
    });
  });
});

describe("withDefaults", () => {
  const AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
  const GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
  const bound = withDefaults({ createdBy: { id: ORG }, markings: [{ id: AMBER }], now: Date.parse(NOW) });

  it("binds the author and markings into every object", () => {
    expect(bound.malware({ name: "Emotet" })).toMatchObject({ created_by_ref: ORG, object_marking_refs: [AMBER] });
    expect(bound.relationship({ relationship_type: "uses", source_ref: M, target_ref: IP })).toMatchObject({
      created_by_ref: ORG,
      object_marking_refs: [AMBER],
    });
  });

  it("uses x_opencti_created_by_ref on observables", () => {
    const ip = bound.ipv4Address({ value: "1.2.3.4" });
    expect(ip).toMatchObject({ x_opencti_created_by_ref: ORG, object_marking_refs: [AMBER] });
    expect(ip).not.toHaveProperty("created_by_ref");
  });

  it("merges markings without duplicates and lets the input name another author", () => {
    const other = "identity--d969b177-497f-598d-8428-b128c8f5f819";
    const tool = bound.tool({ name: "T", created_by_ref: other, object_marking_refs: [GREEN, AMBER] });
    expect(tool.created_by_ref).toBe(other);
    expect(tool.object_marking_refs).toEqual([AMBER, GREEN]);
  });

  it("leaves statement markings without author and markings", () => {
    const marking = bound.statementMarking("Internal");
    expect(marking).not.toHaveProperty("created_by_ref");
    expect(marking).not.toHaveProperty("object_marking_refs");
  });

  it("refuses an author or marking that is not an identity or marking definition", () => {
    expect(issuesOf(() => withDefaults({ createdBy: M }))).toEqual([
      { path: "createdBy", message: `must be a identity or its STIX id (got "${M}")` },
    ]);
    expect(issuesOf(() => withDefaults({ markings: ["TLP:RED"] }))[0]?.path).toBe("markings[0]");
  });
});

describe("OpenCTI requirements", () => {
  it("requires an indicator name, a malware name, a process command line", () => {
    expect(issuesOf(() => b.indicator({ pattern: "[x:y = 'z']" } as never))).toEqual([
      { path: "name", message: "is required by OpenCTI for indicator" },
    ]);
    expect(issuesOf(() => b.malware({ is_family: false } as never))[0]).toEqual({
      path: "name",
      message: "is required by OpenCTI for malware",
    });
    expect(issuesOf(() => b.process({ pid: 1 } as never))[0]?.path).toBe("command_line");
  });

  it("requires the location kind, and fills the STIX place property from the name", () => {
    expect(issuesOf(() => b.location({ name: "Paris" } as never))[0]?.path).toBe("x_opencti_location_type");
    const city = b.location({ name: "Paris", x_opencti_location_type: "City" });
    expect(city.city).toBe("Paris");
    expect(city.id).toBe(generateId({ type: "location", name: "paris", x_opencti_location_type: "City" }));
    const position = b.location({ name: "HQ", latitude: 48.85, longitude: 2.35, x_opencti_location_type: "Position" });
    expect(position).not.toHaveProperty("city");
  });

  it("restricts identity_class to the classes OpenCTI keeps", () => {
    expect(issuesOf(() => b.identity({ name: "X", identity_class: "group" as never }))[0]?.path).toBe("identity_class");
  });

  it("needs what the platform identifies an object by", () => {
    expect(issuesOf(() => b.artifact({ payload_bin: "aGVsbG8=" }))).toEqual([
      { path: "", message: "cannot compute the id of an artifact: it needs hashes, or url" },
    ]);
  });

  it("refuses an explicit id where the platform computes it", () => {
    expect(issuesOf(() => b.malware({ name: "X", id: M } as never))[0]?.path).toBe("id");
    const content = b.languageContent({
      id: "language-content--11111111-2222-4333-8444-555555555555",
      object_ref: M,
      contents: { fr: { name: "x" } },
    });
    expect(content.id).toBe("language-content--11111111-2222-4333-8444-555555555555");
  });

  it("reports the OpenCTI requirements and the schema problems together", () => {
    expect(issuesOf(() => b.indicator({ pattern: "[x:y = 'z']", valid_from: "yesterday" } as never))).toEqual([
      { path: "name", message: "is required by OpenCTI for indicator" },
      {
        path: "valid_from",
        message: 'must be a STIX timestamp in UTC such as 2024-01-31T12:00:00.000Z (got "yesterday")',
      },
    ]);
  });

  it("reports every invalid value with its path", () => {
    expect(issuesOf(() => b.ipv4Address({ value: "1.2.3.999" }))).toEqual([
      {
        path: "value",
        message: 'must be an IPv4 address or CIDR block such as 198.51.100.7 or 198.51.100.0/24 (got "1.2.3.999")',
      },
    ]);
    const issues = issuesOf(() => b.file({ hashes: { "SHA-256": "abc", md5: SHA256 }, size: -1 }));
    expect(issues.map((i) => i.path)).toEqual(['hashes["SHA-256"]', "hashes.md5", "size"]);
  });
});

describe("sightings", () => {
  it("builds one sighting per target", () => {
    const other = "identity--d969b177-497f-598d-8428-b128c8f5f819";
    const [first, second] = b.sightingsPerTarget({ sighting_of_ref: M, where_sighted_refs: [ORG, other], count: 2 });
    expect(first?.where_sighted_refs).toEqual([ORG]);
    expect(second?.where_sighted_refs).toEqual([other]);
    expect(first?.id).not.toBe(second?.id);
    expect(second?.id).toBe(generateId({ type: "sighting", sighting_of_ref: M, where_sighted_refs: [other] }));
  });

  it("refuses several targets in one sighting", () => {
    expect(issuesOf(() => b.sighting({ sighting_of_ref: M, where_sighted_refs: [ORG, ORG] }))[0]?.path).toBe(
      "where_sighted_refs",
    );
  });
});
