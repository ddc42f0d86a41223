import type { MarkingDefinition } from "../schemas/meta.js";
import { PAP_AMBER, PAP_CLEAR, PAP_GREEN, PAP_RED } from "./pap.js";
import { TLP_AMBER, TLP_AMBER_STRICT, TLP_CLEAR, TLP_GREEN, TLP_RED } from "./tlp.js";

/**
 * Every marking definition a fresh platform has (spec §9.5): TLP:CLEAR, GREEN, AMBER, AMBER+STRICT, RED, then
 * PAP:CLEAR, GREEN, AMBER, RED. A reference to one of them is never dangling.
 */
export const SEEDED_MARKINGS: readonly MarkingDefinition[] = Object.freeze([
  TLP_CLEAR,
  TLP_GREEN,
  TLP_AMBER,
  TLP_AMBER_STRICT,
  TLP_RED,
  PAP_CLEAR,
  PAP_GREEN,
  PAP_AMBER,
  PAP_RED,
]);
