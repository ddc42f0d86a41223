import { z } from "zod";
import { hashesSchema } from "./hashes.js";
import { identifier, isStixIdentifier, nonEmptyString } from "./primitives.js";

/**
 * A STIX external reference. `source_name` is required (STIX) and so is `url` or `external_id`: OpenCTI
 * identifies a reference by its `url`, else by `source_name` + `external_id`, and drops references with neither.
 */
export const externalReferenceSchema = z
  .object({
    source_name: nonEmptyString,
    description: z.string().optional(),
    url: nonEmptyString.optional(),
    hashes: hashesSchema.optional(),
    external_id: nonEmptyString.optional(),
  })
  .superRefine((reference, ctx) => {
    if (reference.url === undefined && reference.external_id === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "needs url or external_id (OpenCTI drops external references with neither)",
      });
    }
  });

/** A kill-chain phase, e.g. `{ kill_chain_name: "mitre-attack", phase_name: "initial-access" }`. */
export const killChainPhaseSchema = z.strictObject({
  kill_chain_name: nonEmptyString,
  phase_name: nonEmptyString,
});

/** A granular marking: a marking (by `marking_ref`) or a language (`lang`) applied to the properties in `selectors`. */
export const granularMarkingSchema = z
  .strictObject({
    lang: nonEmptyString.optional(),
    marking_ref: identifier(["marking-definition"]).optional(),
    selectors: z.array(nonEmptyString).min(1, "must list at least one selector"),
  })
  .superRefine((marking, ctx) => {
    if ((marking.lang === undefined) === (marking.marking_ref === undefined)) {
      ctx.addIssue({ code: "custom", message: "needs exactly one of lang and marking_ref" });
    }
  });

const PREDEFINED_EXTENSIONS = new Set([
  "archive-ext",
  "ntfs-ext",
  "pdf-ext",
  "raster-image-ext",
  "windows-pebinary-ext",
  "http-request-ext",
  "icmp-ext",
  "socket-ext",
  "tcp-ext",
  "windows-process-ext",
  "windows-service-ext",
  "unix-account-ext",
]);

/**
 * The `extensions` dictionary: keys are `extension-definition--<uuid>` ids or STIX 2.1 predefined extension
 * names (`archive-ext`, `ntfs-ext`, ...); values are objects (their content is not checked here).
 */
export const extensionsSchema = z.record(z.string(), z.record(z.string(), z.unknown())).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!PREDEFINED_EXTENSIONS.has(key) && !(key.startsWith("extension-definition--") && isStixIdentifier(key))) {
      ctx.addIssue({
        code: "custom",
        message: `unknown extension "${key}": use an extension-definition id or a STIX predefined extension name`,
        path: [key],
      });
    }
  }
});

/** An inferred external reference. */
export type ExternalReference = z.infer<typeof externalReferenceSchema>;
/** An inferred kill-chain phase. */
export type KillChainPhase = z.infer<typeof killChainPhaseSchema>;
/** An inferred granular marking. */
export type GranularMarking = z.infer<typeof granularMarkingSchema>;
/** An inferred `extensions` dictionary. */
export type Extensions = z.infer<typeof extensionsSchema>;
