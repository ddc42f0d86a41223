import { createHash } from "node:crypto";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The OASIS STIX namespace the platform uses for the ids of STIX objects (`OASIS_NAMESPACE`). */
export const OASIS_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
// Parsed once per namespace: hashing the 16 namespace bytes is the hot path of every id.
const namespaceBytes = new Map<string, Buffer>();

function bytesOf(namespace: string): Buffer {
  let bytes = namespaceBytes.get(namespace);
  if (bytes === undefined) {
    if (!UUID_PATTERN.test(namespace)) throw new TypeError(`UUIDv5 namespace "${namespace}" is not a UUID`);
    bytes = Buffer.from(namespace.replaceAll("-", ""), "hex");
    namespaceBytes.set(namespace, bytes);
  }
  return bytes;
}

/**
 * RFC 4122 / RFC 9562 UUID version 5: SHA-1 of the namespace bytes followed by the UTF-8 bytes of `name`, with
 * the version and variant bits set. Returns the lower-case textual form.
 *
 * @param name - The name to hash (its UTF-8 encoding is hashed).
 * @param namespace - The namespace UUID; defaults to {@link OASIS_NAMESPACE}.
 */
export function uuidV5(name: string, namespace: string = OASIS_NAMESPACE): string {
  const digest = createHash("sha1").update(bytesOf(namespace)).update(name, "utf8").digest();
  const b6 = ((digest[6] as number) & 0x0f) | 0x50;
  const b8 = ((digest[8] as number) & 0x3f) | 0x80;
  const h = (i: number): string => HEX[digest[i] as number] as string;
  return (
    `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${HEX[b6]}${h(7)}-${HEX[b8]}${h(9)}-` +
    `${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`
  );
}
