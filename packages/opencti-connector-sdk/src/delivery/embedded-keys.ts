import type { SplitWarningReason } from "./split-warning.js";

/**
 * Identity keys of the embedded objects the splitter de-duplicates.
 *
 * The platform's id of an external reference or a kill-chain phase is a UUIDv5 of the canonical JSON of its
 * contributing data (spec §9.3), so two entries have the same id exactly when their contributing data are
 * equal. The splitter only compares them, so the contributing data itself (in a fixed order) serves as the key
 * and no hash is computed.
 */

/** True when `value` is an empty value in the sense of spec §9.1 (missing, `null`, `""`, `[]`, `{}`). */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** A scalar usable in a key; objects and arrays are not valid reference fields. */
function scalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * Key of an external reference (spec §9.3 `external-reference`: way 1 `url`, way 2 `source_name` +
 * `external_id`), or `undefined` when it has neither a usable `url` nor both `source_name` and `external_id`: the
 * splitter drops such entries (spec §6.1).
 */
export function externalReferenceKey(reference: unknown): string | undefined {
  if (typeof reference !== "object" || reference === null || Array.isArray(reference)) return undefined;
  const { url, source_name: sourceName, external_id: externalId } = reference as Record<string, unknown>;
  if (!isEmpty(url)) return scalar(url) ? JSON.stringify({ url }) : undefined;
  if (isEmpty(sourceName) || isEmpty(externalId) || !scalar(sourceName) || !scalar(externalId)) return undefined;
  return JSON.stringify({ external_id: externalId, source_name: sourceName });
}

/**
 * Readable form of an external reference for warnings: its `url`, else `source_name:external_id`, else
 * `undefined`.
 */
export function describeExternalReference(reference: unknown): string | undefined {
  if (typeof reference !== "object" || reference === null) return undefined;
  const { url, source_name: sourceName, external_id: externalId } = reference as Record<string, unknown>;
  if (typeof url === "string" && url !== "") return url;
  if (sourceName === undefined && externalId === undefined) return undefined;
  return `${String(sourceName ?? "")}:${String(externalId ?? "")}`;
}

/**
 * Key of a kill-chain phase: its `kill_chain_name` and `phase_name` (spec §9.3 `kill-chain-phase`). Every entry
 * has one, missing names included, as in pycti.
 */
export function killChainPhaseKey(phase: unknown): string {
  const record = typeof phase === "object" && phase !== null ? (phase as Record<string, unknown>) : {};
  return JSON.stringify([record.kill_chain_name ?? null, record.phase_name ?? null]);
}

/** `kill_chain_name:phase_name`, for warnings. */
export function describeKillChainPhase(phase: unknown): string {
  const record = typeof phase === "object" && phase !== null ? (phase as Record<string, unknown>) : {};
  return `${String(record.kill_chain_name)}:${String(record.phase_name)}`;
}

/** How the splitter identifies, describes and reports one kind of embedded entry. */
export interface EmbeddedKind {
  readonly property: "external_references" | "kill_chain_phases";
  /** The entry's identity, or `undefined` when it has none (the entry is dropped). */
  readonly key: (entry: unknown) => string | undefined;
  readonly describe: (entry: unknown) => string | undefined;
  readonly duplicate: SplitWarningReason;
  readonly invalid: SplitWarningReason;
}

export const EXTERNAL_REFERENCES: EmbeddedKind = {
  property: "external_references",
  key: externalReferenceKey,
  describe: describeExternalReference,
  duplicate: "duplicate_external_reference",
  invalid: "invalid_external_reference",
};

export const KILL_CHAIN_PHASES: EmbeddedKind = {
  property: "kill_chain_phases",
  key: killChainPhaseKey,
  describe: describeKillChainPhase,
  duplicate: "duplicate_kill_chain_phase",
  // Every phase has a key.
  invalid: "duplicate_kill_chain_phase",
};
