import { DeliveryError } from "../errors/delivery-error.js";
import type { StixObjectRecord } from "./bundle-splitter.js";

/** The platform's default request body limit (`app:max_payload_body_size` = `50mb`). */
export const PLATFORM_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

/** Default size of one `stixBundlePush` bundle: well under the body limit, leaving room for the request itself. */
export const DEFAULT_API_CHUNK_BYTES = 40 * 1024 * 1024;

/** One `stixBundlePush` bundle: the batch's objects it delivers, preceded by copies of what they need. */
export interface ApiChunk {
  /** Objects of the batch this chunk delivers, in dependency order. */
  readonly own: StixObjectRecord[];
  /** Authors and markings referenced by `own` but delivered by an earlier chunk, copied in. */
  readonly carried: StixObjectRecord[];
  /** Size of the bundle once JSON-encoded as a GraphQL string variable, in bytes. */
  readonly bytes: number;
}

/**
 * Bytes `json` takes once embedded as a JSON string (the `bundle` variable of `stixBundlePush`): UTF-8 length plus
 * one escape per `"` and `\`. (`JSON.stringify` already escaped control characters with a `\`.)
 */
export function escapedByteLength(json: string): number {
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 34 || code === 92) extra++;
  }
  return Buffer.byteLength(json, "utf8") + extra;
}

/** The refs a chunk must carry along: author and markings (spec §6.4). */
function carriedRefs(object: StixObjectRecord): string[] {
  const refs: string[] = [];
  if (typeof object.created_by_ref === "string") refs.push(object.created_by_ref);
  if (Array.isArray(object.object_marking_refs)) {
    for (const ref of object.object_marking_refs) if (typeof ref === "string") refs.push(ref);
  }
  return refs;
}

/**
 * Cuts a batch (objects in dependency order, as split) into bundles whose encoded size stays under `maxBytes`,
 * keeping the order, each carrying a copy of the author and markings its objects reference when an earlier chunk
 * delivered them (spec §6.4), so the worker can resolve them whichever chunk it imports first.
 *
 * Throws a non-retryable `DeliveryError` when one object (with what it carries) alone exceeds `maxBytes`.
 */
export function chunkForApi(bundleId: string, objects: readonly StixObjectRecord[], maxBytes: number): ApiChunk[] {
  const byId = new Map<string, StixObjectRecord>();
  for (const object of objects) byId.set(object.id as string, object);
  const sizes = new Map<StixObjectRecord, number>();
  const sizeOf = (object: StixObjectRecord) => {
    let size = sizes.get(object);
    if (size === undefined) {
      // One separating comma per object.
      size = escapedByteLength(JSON.stringify(object)) + 1;
      sizes.set(object, size);
    }
    return size;
  };
  const envelope = escapedByteLength(JSON.stringify({ type: "bundle", id: bundleId, objects: [] }));

  const chunks: ApiChunk[] = [];
  let own: StixObjectRecord[] = [];
  let carried: StixObjectRecord[] = [];
  let members = new Set<StixObjectRecord>();
  let bytes = envelope;
  /** What `object` needs carried into the current chunk: its authors and markings, transitively. */
  const needs = (object: StixObjectRecord): StixObjectRecord[] => {
    const needed: StixObjectRecord[] = [];
    const pending = carriedRefs(object);
    const seen = new Set<StixObjectRecord>();
    while (pending.length > 0) {
      const target = byId.get(pending.pop() as string);
      if (target === undefined || target === object || members.has(target) || seen.has(target)) continue;
      seen.add(target);
      needed.push(target);
      pending.push(...carriedRefs(target));
    }
    return needed;
  };
  for (const object of objects) {
    if (members.has(object)) {
      // Already copied into this chunk for an earlier object: it is delivered here.
      carried.splice(carried.indexOf(object), 1);
      own.push(object);
      continue;
    }
    let needed = needs(object);
    let size = sizeOf(object) + needed.reduce((sum, n) => sum + sizeOf(n), 0);
    if (own.length > 0 && bytes + size > maxBytes) {
      chunks.push({ own, carried, bytes });
      own = [];
      carried = [];
      members = new Set();
      bytes = envelope;
      needed = needs(object);
      size = sizeOf(object) + needed.reduce((sum, n) => sum + sizeOf(n), 0);
    }
    if (bytes + size > maxBytes) {
      throw new DeliveryError({
        transport: "api",
        phase: "publish",
        message: `object ${String(object.id)} needs ${envelope + size} bytes, over the ${maxBytes}-byte chunk limit`,
        isRetryable: false,
      });
    }
    // Carried objects come first: they have no dependency on the chunk's own objects.
    carried.push(...needed.reverse());
    for (const n of needed) members.add(n);
    own.push(object);
    members.add(object);
    bytes += size;
  }
  if (own.length > 0) chunks.push({ own, carried, bytes });
  return chunks;
}
