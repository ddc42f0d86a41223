import { z } from "zod";
import { checkOrder, observableCommon, requireOneOf } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { hashesSchema } from "./common/hashes.js";
import { isIpv4OrCidr, isIpv6OrCidr } from "./common/ip-address.js";
import {
  identifier,
  integer,
  nonEmptyString,
  optionalStringList,
  refList,
  stringList,
  timestampSchema,
} from "./common/primitives.js";

const noWhitespace = (what: string) =>
  nonEmptyString.regex(/^\S+$/, `must be ${what} without whitespace (trim the value)`);
const fileTimes = {
  ctime: timestampSchema.optional(),
  mtime: timestampSchema.optional(),
  atime: timestampSchema.optional(),
};
const additionalNames = z.array(nonEmptyString).optional();

/** STIX 2.1 artifact: binary content (`payload_bin`, base64) or a `url` to it (with its hashes). */
export const artifactSchema = defineStixObject(
  "artifact",
  {
    ...observableCommon,
    mime_type: z.string().optional(),
    payload_bin: z.base64("must be base64").optional(),
    url: nonEmptyString.optional(),
    hashes: hashesSchema.optional(),
    encryption_algorithm: z.string().optional(),
    decryption_key: z.string().optional(),
    x_opencti_additional_names: additionalNames,
  },
  (value, ctx) => {
    if (value.payload_bin !== undefined && value.url !== undefined) {
      ctx.addIssue({ code: "custom", message: "payload_bin and url are mutually exclusive", path: ["url"] });
    }
    if (value.url !== undefined && value.hashes === undefined) {
      ctx.addIssue({ code: "custom", message: "is required with url", path: ["hashes"] });
    }
    requireOneOf(ctx, value, ["payload_bin", "url", "hashes"]);
  },
);

/** STIX 2.1 autonomous system. */
export const autonomousSystemSchema = defineStixObject("autonomous-system", {
  ...observableCommon,
  number: integer(0, 4_294_967_295),
  name: z.string().optional(),
  rir: z.string().optional(),
});

/** STIX 2.1 directory. */
export const directorySchema = defineStixObject("directory", {
  ...observableCommon,
  path: nonEmptyString,
  path_enc: z.string().optional(),
  ...fileTimes,
  contains_refs: refList(["file", "directory"]).optional(),
});

/** STIX 2.1 domain name. */
export const domainNameSchema = defineStixObject("domain-name", {
  ...observableCommon,
  value: noWhitespace("a domain name"),
  resolves_to_refs: refList(["ipv4-addr", "ipv6-addr", "domain-name"]).optional(),
});

/** STIX 2.1 email address. */
export const emailAddrSchema = defineStixObject("email-addr", {
  ...observableCommon,
  value: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an email address local@domain"),
  display_name: z.string().optional(),
  belongs_to_ref: identifier(["user-account"]).optional(),
});

const mimePartSchema = z.strictObject({
  body: z.string().optional(),
  body_raw_ref: identifier(["artifact", "file"]).optional(),
  content_type: z.string().optional(),
  content_disposition: z.string().optional(),
});

/** STIX 2.1 email message. */
export const emailMessageSchema = defineStixObject(
  "email-message",
  {
    ...observableCommon,
    is_multipart: z.boolean(),
    date: timestampSchema.optional(),
    content_type: z.string().optional(),
    from_ref: identifier(["email-addr"]).optional(),
    sender_ref: identifier(["email-addr"]).optional(),
    to_refs: refList(["email-addr"]).optional(),
    cc_refs: refList(["email-addr"]).optional(),
    bcc_refs: refList(["email-addr"]).optional(),
    message_id: z.string().optional(),
    subject: z.string().optional(),
    received_lines: optionalStringList,
    additional_header_fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    body: z.string().optional(),
    body_multipart: z.array(mimePartSchema).min(1).optional(),
    raw_email_ref: identifier(["artifact"]).optional(),
  },
  (value, ctx) => {
    if (value.is_multipart && value.body !== undefined) {
      ctx.addIssue({ code: "custom", message: "must be absent when is_multipart is true", path: ["body"] });
    }
    if (!value.is_multipart && value.body_multipart !== undefined) {
      ctx.addIssue({ code: "custom", message: "needs is_multipart true", path: ["body_multipart"] });
    }
  },
);

/** STIX 2.1 file (needs `hashes` or `name`; OpenCTI identifies it by its first hash, else its name). */
export const fileSchema = defineStixObject(
  "file",
  {
    ...observableCommon,
    hashes: hashesSchema.optional(),
    size: z.number().int().min(0).optional(),
    name: nonEmptyString.optional(),
    name_enc: z.string().optional(),
    magic_number_hex: z
      .string()
      .regex(/^[0-9a-fA-F]+$/, "must be hexadecimal")
      .optional(),
    mime_type: z.string().optional(),
    ...fileTimes,
    parent_directory_ref: identifier(["directory"]).optional(),
    contains_refs: refList().optional(),
    content_ref: identifier(["artifact"]).optional(),
    x_opencti_additional_names: additionalNames,
  },
  (value, ctx) => requireOneOf(ctx, value, ["hashes", "name"]),
);

/** STIX 2.1 IPv4 address (a single address or a CIDR block). */
export const ipv4AddrSchema = defineStixObject("ipv4-addr", {
  ...observableCommon,
  value: z.string().refine(isIpv4OrCidr, {
    error: (issue) =>
      `must be an IPv4 address or CIDR block such as 198.51.100.7 or 198.51.100.0/24 (got ${JSON.stringify(issue.input)})`,
  }),
  resolves_to_refs: refList(["mac-addr"]).optional(),
  belongs_to_refs: refList(["autonomous-system"]).optional(),
});

/** STIX 2.1 IPv6 address (a single address or a CIDR block). */
export const ipv6AddrSchema = defineStixObject("ipv6-addr", {
  ...observableCommon,
  value: z.string().refine(isIpv6OrCidr, {
    error: (issue) =>
      `must be an IPv6 address or CIDR block such as 2001:db8::1 or 2001:db8::/32 (got ${JSON.stringify(issue.input)})`,
  }),
  resolves_to_refs: refList(["mac-addr"]).optional(),
  belongs_to_refs: refList(["autonomous-system"]).optional(),
});

/** STIX 2.1 MAC address: colon-separated, lower-case MAC-48. */
export const macAddrSchema = defineStixObject("mac-addr", {
  ...observableCommon,
  value: z.string().regex(/^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/, "must be a lower-case MAC-48 such as 00:1a:2b:3c:4d:5e"),
});

/** STIX 2.1 mutex. */
export const mutexSchema = defineStixObject("mutex", { ...observableCommon, name: nonEmptyString });

const port = integer(0, 65_535);

/** STIX 2.1 network traffic (needs `src_ref` or `dst_ref`). */
export const networkTrafficSchema = defineStixObject(
  "network-traffic",
  {
    ...observableCommon,
    start: timestampSchema.optional(),
    end: timestampSchema.optional(),
    is_active: z.boolean().optional(),
    src_ref: identifier(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]).optional(),
    dst_ref: identifier(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]).optional(),
    src_port: port.optional(),
    dst_port: port.optional(),
    protocols: stringList.min(1),
    src_byte_count: z.number().int().min(0).optional(),
    dst_byte_count: z.number().int().min(0).optional(),
    src_packets: z.number().int().min(0).optional(),
    dst_packets: z.number().int().min(0).optional(),
    ipfix: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    src_payload_ref: identifier(["artifact"]).optional(),
    dst_payload_ref: identifier(["artifact"]).optional(),
    encapsulates_refs: refList(["network-traffic"]).optional(),
    encapsulated_by_ref: identifier(["network-traffic"]).optional(),
  },
  (value, ctx) => {
    requireOneOf(ctx, value, ["src_ref", "dst_ref"]);
    checkOrder(ctx, value.start, value.end, ["start", "end"]);
    if (value.is_active === true && value.end !== undefined) {
      ctx.addIssue({ code: "custom", message: "must be absent when is_active is true", path: ["end"] });
    }
  },
);

/** STIX 2.1 process (OpenCTI requires `command_line`, which also identifies it). */
export const processSchema = defineStixObject("process", {
  ...observableCommon,
  is_hidden: z.boolean().optional(),
  pid: z.number().int().min(0).optional(),
  created_time: timestampSchema.optional(),
  cwd: z.string().optional(),
  command_line: z.string().optional(),
  environment_variables: z.record(z.string(), z.string()).optional(),
  opened_connection_refs: refList(["network-traffic"]).optional(),
  creator_user_ref: identifier(["user-account"]).optional(),
  image_ref: identifier(["file"]).optional(),
  parent_ref: identifier(["process"]).optional(),
  child_refs: refList(["process"]).optional(),
});

/** STIX 2.1 software. */
export const softwareSchema = defineStixObject("software", {
  ...observableCommon,
  name: nonEmptyString,
  cpe: z.string().optional(),
  swid: z.string().optional(),
  languages: optionalStringList,
  vendor: z.string().optional(),
  version: z.string().optional(),
  x_opencti_product: z.string().optional(),
});

/** STIX 2.1 URL. */
export const urlSchema = defineStixObject("url", {
  ...observableCommon,
  value: z.string().refine((value) => URL.canParse(value), {
    error: (issue) => `must be an absolute URL (got ${JSON.stringify(issue.input)})`,
  }),
});

/** STIX 2.1 user account. */
export const userAccountSchema = defineStixObject(
  "user-account",
  {
    ...observableCommon,
    user_id: z.string().optional(),
    credential: z.string().optional(),
    account_login: z.string().optional(),
    account_type: z.string().optional(),
    display_name: z.string().optional(),
    is_service_account: z.boolean().optional(),
    is_privileged: z.boolean().optional(),
    can_escalate_privs: z.boolean().optional(),
    is_disabled: z.boolean().optional(),
    account_created: timestampSchema.optional(),
    account_expires: timestampSchema.optional(),
    credential_last_changed: timestampSchema.optional(),
    account_first_login: timestampSchema.optional(),
    account_last_login: timestampSchema.optional(),
  },
  (value, ctx) => requireOneOf(ctx, value, ["account_type", "user_id", "account_login"], " (they identify it)"),
);

const registryValueSchema = z.strictObject({
  name: z.string(),
  data: z.string().optional(),
  data_type: z.string().optional(),
});

/** STIX 2.1 Windows registry key. */
export const windowsRegistryKeySchema = defineStixObject(
  "windows-registry-key",
  {
    ...observableCommon,
    key: nonEmptyString.optional(),
    values: z.array(registryValueSchema).min(1).optional(),
    modified_time: timestampSchema.optional(),
    creator_user_ref: identifier(["user-account"]).optional(),
    number_of_subkeys: z.number().int().min(0).optional(),
  },
  (value, ctx) => requireOneOf(ctx, value, ["key", "values"]),
);

/** STIX 2.1 X.509 certificate. */
export const x509CertificateSchema = defineStixObject(
  "x509-certificate",
  {
    ...observableCommon,
    is_self_signed: z.boolean().optional(),
    hashes: hashesSchema.optional(),
    version: z.string().optional(),
    serial_number: z.string().optional(),
    signature_algorithm: z.string().optional(),
    issuer: z.string().optional(),
    validity_not_before: timestampSchema.optional(),
    validity_not_after: timestampSchema.optional(),
    subject: z.string().optional(),
    subject_public_key_algorithm: z.string().optional(),
    subject_public_key_modulus: z.string().optional(),
    subject_public_key_exponent: z.number().int().optional(),
    x509_v3_extensions: z.record(z.string(), z.string()).optional(),
  },
  (value, ctx) => requireOneOf(ctx, value, ["hashes", "serial_number", "subject"], " (they identify it)"),
);

/** A STIX 2.1 artifact. */
export type Artifact = StixObjectOf<typeof artifactSchema>;
/** A STIX 2.1 autonomous system. */
export type AutonomousSystem = StixObjectOf<typeof autonomousSystemSchema>;
/** A STIX 2.1 directory. */
export type Directory = StixObjectOf<typeof directorySchema>;
/** A STIX 2.1 domain name. */
export type DomainName = StixObjectOf<typeof domainNameSchema>;
/** A STIX 2.1 email address. */
export type EmailAddr = StixObjectOf<typeof emailAddrSchema>;
/** A STIX 2.1 email message. */
export type EmailMessage = StixObjectOf<typeof emailMessageSchema>;
/** A STIX 2.1 file. */
export type File = StixObjectOf<typeof fileSchema>;
/** A STIX 2.1 IPv4 address. */
export type Ipv4Addr = StixObjectOf<typeof ipv4AddrSchema>;
/** A STIX 2.1 IPv6 address. */
export type Ipv6Addr = StixObjectOf<typeof ipv6AddrSchema>;
/** A STIX 2.1 MAC address. */
export type MacAddr = StixObjectOf<typeof macAddrSchema>;
/** A STIX 2.1 mutex. */
export type Mutex = StixObjectOf<typeof mutexSchema>;
/** A STIX 2.1 network traffic. */
export type NetworkTraffic = StixObjectOf<typeof networkTrafficSchema>;
/** A STIX 2.1 process. */
export type Process = StixObjectOf<typeof processSchema>;
/** A STIX 2.1 software. */
export type Software = StixObjectOf<typeof softwareSchema>;
/** A STIX 2.1 URL. */
export type Url = StixObjectOf<typeof urlSchema>;
/** A STIX 2.1 user account. */
export type UserAccount = StixObjectOf<typeof userAccountSchema>;
/** A STIX 2.1 Windows registry key. */
export type WindowsRegistryKey = StixObjectOf<typeof windowsRegistryKeySchema>;
/** A STIX 2.1 X.509 certificate. */
export type X509Certificate = StixObjectOf<typeof x509CertificateSchema>;
