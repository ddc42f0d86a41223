import { StixValidationError } from "../errors/stix-validation-error.js";
import { ID_HASH_ORDER } from "../ids/id-rules.js";
import { isObservableType, type ObservableType, type StixObservable } from "../schemas/stix-object-schemas.js";

/** The OpenCTI entity type of each observable type (`x_opencti_main_observable_type` of indicators). */
export const OPENCTI_OBSERVABLE_TYPES: Readonly<Record<ObservableType, string>> = {
  artifact: "Artifact",
  "autonomous-system": "Autonomous-System",
  directory: "Directory",
  "domain-name": "Domain-Name",
  "email-addr": "Email-Addr",
  "email-message": "Email-Message",
  file: "StixFile",
  "ipv4-addr": "IPv4-Addr",
  "ipv6-addr": "IPv6-Addr",
  "mac-addr": "Mac-Addr",
  mutex: "Mutex",
  "network-traffic": "Network-Traffic",
  process: "Process",
  software: "Software",
  url: "Url",
  "user-account": "User-Account",
  "windows-registry-key": "Windows-Registry-Key",
  "x509-certificate": "X509-Certificate",
  hostname: "Hostname",
  "cryptocurrency-wallet": "Cryptocurrency-Wallet",
  "cryptographic-key": "Cryptographic-Key",
  text: "Text",
  "user-agent": "User-Agent",
  "phone-number": "Phone-Number",
  credential: "Credential",
  "tracking-number": "Tracking-Number",
  "bank-account": "Bank-Account",
  "payment-card": "Payment-Card",
  "media-content": "Media-Content",
  persona: "Persona",
  "ssh-key": "SSH-Key",
};

/** A STIX pattern string literal: single-quoted, with `\` and `'` escaped by a backslash. */
export function patternString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function pathComponent(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : patternString(key);
}

type Comparison = readonly [path: string, value: string | number];

function comparisons(observable: Record<string, unknown>, keys: readonly string[]): Comparison[] {
  const out: Comparison[] = [];
  for (const key of keys) {
    const value = observable[key];
    if (typeof value === "string" && value !== "") out.push([key, value]);
    else if (typeof value === "number") out.push([key, value]);
  }
  return out;
}

function hashComparisons(observable: Record<string, unknown>): Comparison[] {
  const hashes = (observable.hashes ?? {}) as Record<string, string>;
  const order = (key: string) => {
    const index = (ID_HASH_ORDER as readonly string[]).indexOf(key.toUpperCase());
    return index === -1 ? ID_HASH_ORDER.length : index;
  };
  return Object.keys(hashes)
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => [`hashes.${pathComponent(key)}`, hashes[key] as string]);
}

function firstOf(...lists: Comparison[][]): Comparison[] {
  return lists.find((list) => list.length > 0) ?? [];
}

function comparisonsFor(type: ObservableType, o: Record<string, unknown>): { terms: Comparison[]; join: string } {
  switch (type) {
    case "file":
      return { terms: firstOf(hashComparisons(o), comparisons(o, ["name"])), join: " OR " };
    case "artifact":
      return { terms: firstOf(hashComparisons(o), comparisons(o, ["url"])), join: " OR " };
    case "x509-certificate":
      return {
        terms: firstOf(hashComparisons(o), comparisons(o, ["serial_number"]), comparisons(o, ["subject"])),
        join: " OR ",
      };
    case "autonomous-system":
      return { terms: comparisons(o, ["number"]), join: "" };
    case "directory":
      return { terms: comparisons(o, ["path"]), join: "" };
    case "mutex":
      return { terms: comparisons(o, ["name"]), join: "" };
    case "software":
      return { terms: comparisons(o, ["name", "vendor", "version"]), join: " AND " };
    case "email-message":
      return { terms: firstOf(comparisons(o, ["subject"]), comparisons(o, ["body"])), join: "" };
    case "user-account":
      return { terms: firstOf(comparisons(o, ["account_login"]), comparisons(o, ["user_id"])), join: "" };
    case "windows-registry-key":
      return { terms: comparisons(o, ["key"]), join: "" };
    case "process":
      return { terms: firstOf(comparisons(o, ["command_line"]), comparisons(o, ["pid"])), join: "" };
    case "network-traffic": {
      const protocols = Array.isArray(o.protocols) ? (o.protocols as string[]) : [];
      const terms = [
        ...comparisons(o, ["src_port", "dst_port"]),
        ...protocols.map((p): Comparison => ["protocols[*]", p]),
      ];
      return { terms, join: " AND " };
    }
    case "bank-account":
      return { terms: comparisons(o, ["iban"]), join: "" };
    case "payment-card":
      return { terms: comparisons(o, ["card_number"]), join: "" };
    case "media-content":
      return { terms: comparisons(o, ["url"]), join: "" };
    case "persona":
      return { terms: comparisons(o, ["persona_name", "persona_type"]), join: " AND " };
    case "ssh-key":
      return { terms: comparisons(o, ["fingerprint_sha256"]), join: "" };
    default:
      return { terms: comparisons(o, ["value"]), join: "" };
  }
}

/**
 * The STIX pattern that matches an observable, e.g. `[ipv4-addr:value = '198.51.100.7']`,
 * `[file:hashes.MD5 = '…' OR file:hashes.'SHA-256' = '…']`. String values are quoted with `\` and `'` escaped.
 * Files, artifacts and certificates match any of their hashes (else their name, URL, serial number or subject);
 * software matches name, vendor and version together. Throws {@link StixValidationError} when the observable
 * has nothing to match on.
 */
export function patternFor(observable: StixObservable): string {
  const type = observable.type;
  if (!isObservableType(type)) {
    throw new StixValidationError([{ path: "type", message: `"${String(type)}" is not an observable type` }]);
  }
  const { terms, join } = comparisonsFor(type, observable as Record<string, unknown>);
  if (terms.length === 0) {
    throw new StixValidationError([{ path: "", message: `this ${type} has no property to build a pattern from` }]);
  }
  const rendered = terms.map(
    ([path, value]) => `${type}:${path} = ${typeof value === "number" ? String(value) : patternString(value)}`,
  );
  return `[${rendered.join(join)}]`;
}
