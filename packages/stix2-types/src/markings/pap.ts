import { StixValidationError } from "../errors/stix-validation-error.js";
import type { MarkingDefinition } from "../schemas/meta.js";
import { seededMarking } from "./seeded-marking.js";

/** The PAP (Permissible Actions Protocol) levels. */
export type PapLevel = "clear" | "green" | "amber" | "red";

function pap(id: string, name: string): MarkingDefinition {
  return seededMarking(id, name, "PAP", { statement: name });
}

/** PAP:CLEAR as the platform seeds it (id derived from `{definition_type: "PAP", definition: "PAP:CLEAR"}`). */
export const PAP_CLEAR = pap("4cdff7eb-acb8-543f-8573-829eb9fe8b34", "PAP:CLEAR");
/** PAP:GREEN as the platform seeds it. */
export const PAP_GREEN = pap("89484dde-e3d2-547f-a6c6-d14824429eb1", "PAP:GREEN");
/** PAP:AMBER as the platform seeds it. */
export const PAP_AMBER = pap("a6f20d4d-0360-59b6-ba22-3b48707828b1", "PAP:AMBER");
/** PAP:RED as the platform seeds it. */
export const PAP_RED = pap("4e4e3b84-de45-53df-9d9b-b21207699fd8", "PAP:RED");

const PAP_BY_LEVEL: Readonly<Record<PapLevel, MarkingDefinition>> = {
  clear: PAP_CLEAR,
  green: PAP_GREEN,
  amber: PAP_AMBER,
  red: PAP_RED,
};

/**
 * The PAP marking definition for a level given as user input: `clear`, `green`, `amber` or `red`,
 * case-insensitive, with or without a `PAP:` prefix. Throws {@link StixValidationError} for anything else.
 */
export function papMarking(level: PapLevel | (string & {})): MarkingDefinition {
  const folded = String(level)
    .trim()
    .toLowerCase()
    .replace(/^pap:\s*/, "");
  if (Object.hasOwn(PAP_BY_LEVEL, folded)) return PAP_BY_LEVEL[folded as PapLevel];
  throw new StixValidationError([
    { path: "", message: `unknown PAP level ${JSON.stringify(level)}: use clear, green, amber or red` },
  ]);
}
