import { splitBundle } from "@org/opencti-connector-sdk";
import {
  PAP_AMBER,
  PAP_CLEAR,
  PAP_GREEN,
  PAP_RED,
  parseStixObject,
  TLP_AMBER,
  TLP_AMBER_STRICT,
  TLP_CLEAR,
  TLP_GREEN,
  TLP_RED,
} from "@org/stix2-types";
import type { IngestedObject } from "../store/ingest-store.js";
import type { SplitOutcome } from "./message-processor.js";

/** The worker splits with the SDK's splitter, without clean-up, as the platform's worker does (spec §6.2). */
export function splitLikeWorker(bundle: Record<string, unknown>): SplitOutcome {
  const result = splitBundle(bundle as { objects: readonly unknown[] }, { cleanupInconsistentBundle: false });
  return {
    expectations: result.expectations,
    bundles: result.bundles as unknown as readonly Record<string, unknown>[],
    incompatible: result.incompatible.map((o) => ({ id: String(o.id) })),
  };
}

/** Imports accept what `@org/stix2-types` accepts; its error message (every issue with its path) is reported. */
export function validateStixObject(value: unknown): IngestedObject {
  return parseStixObject(value) as unknown as IngestedObject;
}

/** The markings a fresh platform has (TLP and PAP): references to them are never dangling. */
export const PLATFORM_SEEDED_IDS: readonly string[] = [
  TLP_CLEAR,
  TLP_GREEN,
  TLP_AMBER,
  TLP_AMBER_STRICT,
  TLP_RED,
  PAP_CLEAR,
  PAP_GREEN,
  PAP_AMBER,
  PAP_RED,
].map((marking) => marking.id);
