import { StixValidationError } from "../errors/stix-validation-error.js";
import type { MarkingDefinition } from "../schemas/meta.js";
import { seededMarking } from "./seeded-marking.js";

/**
 * The TLP 2.0 levels, from the least to the most restricted: the values a connector's TLP setting accepts
 * (`z.enum(TLP_LEVELS)`) and {@link parseTlpLevel} returns. `white` is not one (TLP 1.0; read as `clear`).
 *
 * @example
 * ```ts
 * const settings = z.object({ tlp_level: z.enum(TLP_LEVELS).default("amber+strict") });
 * ```
 */
export const TLP_LEVELS = Object.freeze(["clear", "green", "amber", "amber+strict", "red"] as const);

/** The TLP 2.0 levels (see {@link TLP_LEVELS}). */
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** What {@link tlpMarking} accepts: a TLP 2.0 level, or `white` (TLP 1.0, the same as `clear`), in any case. */
export type TlpName = TlpLevel | "white";

/**
 * TLP:CLEAR as the platform seeds it. It is emitted with TLP:WHITE's STIX id and definition
 * (`{"tlp":"white"}`), which the platform reads as TLP:CLEAR; the name TLP:WHITE is never emitted.
 */
export const TLP_CLEAR = seededMarking("613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:CLEAR", "TLP", { tlp: "white" });
/** TLP:GREEN, with its STIX fixed id. */
export const TLP_GREEN = seededMarking("34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "TLP", { tlp: "green" });
/** TLP:AMBER, with its STIX fixed id. */
export const TLP_AMBER = seededMarking("f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "TLP", { tlp: "amber" });
/** TLP:AMBER+STRICT, with the platform's fixed id (a statement marking: STIX 2.1 has no such TLP level). */
export const TLP_AMBER_STRICT = seededMarking("826578e1-40ad-459f-bc73-ede076f81f37", "TLP:AMBER+STRICT", "TLP", {
  statement: "TLP:AMBER+STRICT",
});
/** TLP:RED, with its STIX fixed id. */
export const TLP_RED = seededMarking("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED", "TLP", { tlp: "red" });

const TLP_BY_LEVEL: Readonly<Record<TlpLevel, MarkingDefinition>> = {
  clear: TLP_CLEAR,
  green: TLP_GREEN,
  amber: TLP_AMBER,
  "amber+strict": TLP_AMBER_STRICT,
  red: TLP_RED,
};

/**
 * Reads a TLP level from user input: `clear`, `white` (mapped to `clear`), `green`, `amber`, `amber+strict` or
 * `red`, case-insensitive, with or without a `TLP:` prefix and surrounding spaces. Throws
 * {@link StixValidationError} for anything else.
 */
export function parseTlpLevel(input: string): TlpLevel {
  const folded = String(input)
    .trim()
    .toLowerCase()
    .replace(/^tlp:\s*/, "");
  const level = folded === "white" ? "clear" : folded;
  if (Object.hasOwn(TLP_BY_LEVEL, level)) return level as TlpLevel;
  throw new StixValidationError([
    {
      path: "",
      message: `unknown TLP level ${JSON.stringify(input)}: use clear, green, amber, amber+strict or red (white is read as clear)`,
    },
  ]);
}

/**
 * The TLP marking definition for a level given as user input (see {@link parseTlpLevel}): `tlpMarking("white")`
 * and `tlpMarking("TLP:CLEAR")` both return {@link TLP_CLEAR}. The returned object is frozen and shared.
 */
export function tlpMarking(level: TlpName | (string & {})): MarkingDefinition {
  return TLP_BY_LEVEL[parseTlpLevel(level)];
}
