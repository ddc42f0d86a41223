import { splitBundle } from "@org/opencti-connector-sdk";
import { parseStixObject } from "@org/stix2-types";
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
