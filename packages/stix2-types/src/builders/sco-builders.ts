import type { StixType } from "../schemas/stix-object-schemas.js";
import type { BuildContext } from "./build-context.js";
import { type BuilderSpec, bindBuilder } from "./build-object.js";
import type { Builder, BuilderInput } from "./builder-input.js";

/** Input of an observable builder (observables have no `created`/`modified`). */
export type ObservableInput<
  T extends StixType,
  Optional extends string = never,
  Required extends string = never,
> = Omit<BuilderInput<T, Optional, Required>, "created" | "modified">;

/** Builders of the STIX 2.1 and OpenCTI observables, bound to `ctx`. */
export function scoBuilders(ctx: BuildContext) {
  const make = <T extends StixType, I extends object>(
    type: T,
    extra: Omit<BuilderSpec<T>, "type" | "kind"> = {},
  ): Builder<T, I> => bindBuilder(ctx, { type, kind: "observable", ...extra });
  return {
    /** Artifact (binary content in `payload_bin`, or `url` + `hashes`). */
    artifact: make<"artifact", ObservableInput<"artifact">>("artifact"),
    /** Autonomous system by number. */
    autonomousSystem: make<"autonomous-system", ObservableInput<"autonomous-system">>("autonomous-system"),
    /** Directory by path. */
    directory: make<"directory", ObservableInput<"directory">>("directory"),
    /** Domain name. */
    domainName: make<"domain-name", ObservableInput<"domain-name">>("domain-name"),
    /** Email address. */
    emailAddress: make<"email-addr", ObservableInput<"email-addr">>("email-addr"),
    /** Email message; `is_multipart` defaults to `false`. */
    emailMessage: make<"email-message", ObservableInput<"email-message", "is_multipart">>("email-message", {
      prepare: (object) => {
        object.is_multipart ??= false;
      },
    }),
    /** File (identified by its first hash in the order MD5, SHA-1, SHA-256, SHA-512, ..., else its name). */
    file: make<"file", ObservableInput<"file">>("file"),
    /** IPv4 address or CIDR block. */
    ipv4Address: make<"ipv4-addr", ObservableInput<"ipv4-addr">>("ipv4-addr"),
    /** IPv6 address or CIDR block. */
    ipv6Address: make<"ipv6-addr", ObservableInput<"ipv6-addr">>("ipv6-addr"),
    /** MAC address (lower-case, colon-separated). */
    macAddress: make<"mac-addr", ObservableInput<"mac-addr">>("mac-addr"),
    /** Mutex by name. */
    mutex: make<"mutex", ObservableInput<"mutex">>("mutex"),
    /** Network traffic. */
    networkTraffic: make<"network-traffic", ObservableInput<"network-traffic">>("network-traffic"),
    /** Process; `command_line` is required (OpenCTI). */
    process: make<"process", ObservableInput<"process", never, "command_line">>("process", {
      requires: ["command_line"],
    }),
    /** Software. */
    software: make<"software", ObservableInput<"software">>("software"),
    /** URL. */
    url: make<"url", ObservableInput<"url">>("url"),
    /** User account. */
    userAccount: make<"user-account", ObservableInput<"user-account">>("user-account"),
    /** Windows registry key. */
    windowsRegistryKey: make<"windows-registry-key", ObservableInput<"windows-registry-key">>("windows-registry-key"),
    /** X.509 certificate. */
    x509Certificate: make<"x509-certificate", ObservableInput<"x509-certificate">>("x509-certificate"),
    /** Hostname (OpenCTI). */
    hostname: make<"hostname", ObservableInput<"hostname">>("hostname"),
    /** Cryptocurrency wallet address (OpenCTI). */
    cryptocurrencyWallet: make<"cryptocurrency-wallet", ObservableInput<"cryptocurrency-wallet">>(
      "cryptocurrency-wallet",
    ),
    /** Cryptographic key (OpenCTI). */
    cryptographicKey: make<"cryptographic-key", ObservableInput<"cryptographic-key">>("cryptographic-key"),
    /** Text (OpenCTI). */
    text: make<"text", ObservableInput<"text">>("text"),
    /** User agent (OpenCTI). */
    userAgent: make<"user-agent", ObservableInput<"user-agent">>("user-agent"),
    /** Phone number (OpenCTI). */
    phoneNumber: make<"phone-number", ObservableInput<"phone-number">>("phone-number"),
    /** Credential (OpenCTI). */
    credential: make<"credential", ObservableInput<"credential">>("credential"),
    /** Tracking number (OpenCTI). */
    trackingNumber: make<"tracking-number", ObservableInput<"tracking-number">>("tracking-number"),
    /** Bank account by IBAN (OpenCTI). */
    bankAccount: make<"bank-account", ObservableInput<"bank-account">>("bank-account"),
    /** Payment card by number (OpenCTI). */
    paymentCard: make<"payment-card", ObservableInput<"payment-card">>("payment-card"),
    /** Media content by URL (OpenCTI). */
    mediaContent: make<"media-content", ObservableInput<"media-content">>("media-content"),
    /** Persona (OpenCTI). */
    persona: make<"persona", ObservableInput<"persona">>("persona"),
    /** SSH key by SHA-256 fingerprint (OpenCTI). */
    sshKey: make<"ssh-key", Omit<BuilderInput<"ssh-key">, "modified">>("ssh-key"),
  };
}
