import { describe, expect, it } from "vitest";
import { withDefaults } from "../builders/builder-set.js";
import { generateId } from "../ids/generate-id.js";
import { OPENCTI_OBSERVABLE_TYPES, patternFor, patternString } from "./pattern-for.js";

const b = withDefaults({ now: 0 });
const MD5 = "d41d8cd98f00b204e9800998ecf8427e";
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("patternString", () => {
  it("escapes backslashes and single quotes", () => {
    expect(patternString("C:\\Users\\o'brien")).toBe("'C:\\\\Users\\\\o\\'brien'");
    expect(patternString("naïve 東京")).toBe("'naïve 東京'");
  });
});

describe("patternFor", () => {
  it.each([
    [b.ipv4Address({ value: "1.2.3.4" }), "[ipv4-addr:value = '1.2.3.4']"],
    [b.ipv6Address({ value: "2001:db8::/32" }), "[ipv6-addr:value = '2001:db8::/32']"],
    [b.domainName({ value: "example.com" }), "[domain-name:value = 'example.com']"],
    [b.url({ value: "https://example.com/it's" }), "[url:value = 'https://example.com/it\\'s']"],
    [b.emailAddress({ value: "jane@example.com" }), "[email-addr:value = 'jane@example.com']"],
    [b.macAddress({ value: "00:1a:2b:3c:4d:5e" }), "[mac-addr:value = '00:1a:2b:3c:4d:5e']"],
    [b.hostname({ value: "srv01" }), "[hostname:value = 'srv01']"],
    [b.userAgent({ value: "Mozilla/5.0 'x'" }), "[user-agent:value = 'Mozilla/5.0 \\'x\\'']"],
    [b.cryptocurrencyWallet({ value: "bc1q" }), "[cryptocurrency-wallet:value = 'bc1q']"],
    [b.autonomousSystem({ number: 15169 }), "[autonomous-system:number = 15169]"],
    [b.directory({ path: "C:\\Temp" }), "[directory:path = 'C:\\\\Temp']"],
    [b.mutex({ name: "Global\\X" }), "[mutex:name = 'Global\\\\X']"],
    [
      b.file({ name: "a.exe", hashes: { "SHA-256": SHA256, MD5 } }),
      `[file:hashes.MD5 = '${MD5}' OR file:hashes.'SHA-256' = '${SHA256}']`,
    ],
    [b.file({ name: "a.exe" }), "[file:name = 'a.exe']"],
    [
      b.artifact({ url: "https://x.test/a", hashes: { "SHA-256": SHA256 } }),
      `[artifact:hashes.'SHA-256' = '${SHA256}']`,
    ],
    [b.x509Certificate({ serial_number: "01:02", subject: "CN=x" }), "[x509-certificate:serial_number = '01:02']"],
    [
      b.software({ name: "httpd", vendor: "Apache", version: "2.4" }),
      "[software:name = 'httpd' AND software:vendor = 'Apache' AND software:version = '2.4']",
    ],
    [b.emailMessage({ subject: "Invoice", body: "x" }), "[email-message:subject = 'Invoice']"],
    [b.userAccount({ account_login: "jdoe", user_id: "1001" }), "[user-account:account_login = 'jdoe']"],
    [b.windowsRegistryKey({ key: "HKLM\\Run" }), "[windows-registry-key:key = 'HKLM\\\\Run']"],
    [b.process({ command_line: 'cmd /c "x"' }), "[process:command_line = 'cmd /c \"x\"']"],
    [
      b.networkTraffic({
        src_ref: "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4",
        dst_port: 443,
        protocols: ["ipv4", "tcp"],
      }),
      "[network-traffic:dst_port = 443 AND network-traffic:protocols[*] = 'ipv4' AND network-traffic:protocols[*] = 'tcp']",
    ],
    [b.bankAccount({ iban: "FR7630006000011234567890189" }), "[bank-account:iban = 'FR7630006000011234567890189']"],
    [b.paymentCard({ card_number: "4111111111111111" }), "[payment-card:card_number = '4111111111111111']"],
    [b.mediaContent({ url: "https://v.test/1" }), "[media-content:url = 'https://v.test/1']"],
    [
      b.persona({ persona_name: "@h", persona_type: "twitter" }),
      "[persona:persona_name = '@h' AND persona:persona_type = 'twitter']",
    ],
    [b.sshKey({ fingerprint_sha256: "SHA256:abc" }), "[ssh-key:fingerprint_sha256 = 'SHA256:abc']"],
  ])("%#: %s", (observable, pattern) => {
    expect(patternFor(observable)).toBe(pattern);
  });

  it("refuses what is not an observable", () => {
    expect(() => patternFor(b.malware({ name: "x" }) as never)).toThrow('"malware" is not an observable type');
  });
});

describe("indicatorFor", () => {
  it("sets the pattern, the main observable type and a name", () => {
    const ip = b.ipv4Address({ value: "1.2.3.4" });
    expect(b.indicatorFor(ip, { x_opencti_score: 80 })).toEqual({
      type: "indicator",
      spec_version: "2.1",
      id: "indicator--274128a4-2ad4-50b5-ae7b-b0dea1fa9861",
      created: "1970-01-01T00:00:00.000Z",
      modified: "1970-01-01T00:00:00.000Z",
      x_opencti_score: 80,
      name: "1.2.3.4",
      pattern: "[ipv4-addr:value = '1.2.3.4']",
      pattern_type: "stix",
      x_opencti_main_observable_type: "IPv4-Addr",
      valid_from: "1970-01-01T00:00:00.000Z",
    });
    const file = b.file({ hashes: { "SHA-256": SHA256 } });
    const fileIndicator = b.indicatorFor(file, { name: "Dropper" });
    expect(fileIndicator).toMatchObject({ name: "Dropper", x_opencti_main_observable_type: "StixFile" });
    expect(fileIndicator.id).toBe(generateId({ type: "indicator", pattern: `[file:hashes.'SHA-256' = '${SHA256}']` }));
    expect(b.indicatorFor(file).name).toBe(SHA256);
  });

  it("knows the OpenCTI type of every observable", () => {
    expect(OPENCTI_OBSERVABLE_TYPES["ssh-key"]).toBe("SSH-Key");
    expect(OPENCTI_OBSERVABLE_TYPES["domain-name"]).toBe("Domain-Name");
  });
});
