import * as crypto from "node:crypto";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The OASIS STIX namespace the platform uses for the ids of STIX objects (`OASIS_NAMESPACE`). */
export const OASIS_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";

// `crypto.hash` (Node >= 20.12) hashes in one call, about 1.5x faster than `createHash`; older Nodes fall back.
const oneShotHash: ((algorithm: string, data: Uint8Array, encoding: "hex") => string) | undefined = (
  crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: "hex") => string }
).hash;

// Scratch buffer holding namespace bytes + UTF-8 name, reused across calls (ids are computed synchronously):
// one write and one hash per id instead of allocating. `scratchNamespace` says which namespace its head holds.
let scratch = Buffer.allocUnsafe(1024);
let scratchNamespace = "";

function loadNamespace(namespace: string): void {
  if (!UUID_PATTERN.test(namespace)) throw new TypeError(`UUIDv5 namespace "${namespace}" is not a UUID`);
  Buffer.from(namespace.replaceAll("-", ""), "hex").copy(scratch, 0);
  scratchNamespace = namespace;
}

function sha1Hex(name: string, namespace: string): string {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
  if (16 + name.length * 3 > scratch.length) {
    scratch = Buffer.allocUnsafe(16 + name.length * 3);
    scratchNamespace = "";
  }
  if (namespace !== scratchNamespace) loadNamespace(namespace);
  const length = 16 + scratch.write(name, 16, "utf8");
  const data = scratch.subarray(0, length);
  return oneShotHash === undefined
    ? crypto.createHash("sha1").update(data).digest("hex")
    : oneShotHash("sha1", data, "hex");
}

const VARIANT = ["8", "9", "a", "b"];

/**
 * RFC 4122 / RFC 9562 UUID version 5: SHA-1 of the namespace bytes followed by the UTF-8 bytes of `name`, with
 * the version and variant bits set. Returns the lower-case textual form.
 *
 * @param name - The name to hash (its UTF-8 encoding is hashed).
 * @param namespace - The namespace UUID; defaults to {@link OASIS_NAMESPACE}.
 */
export function uuidV5(name: string, namespace: string = OASIS_NAMESPACE): string {
  const h = sha1Hex(name, namespace);
  // Version nibble (13th hex digit) becomes 5; the two top bits of the 17th digit become 10 (RFC variant).
  const variant = VARIANT[Number.parseInt(h.charAt(16), 16) & 3] as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
