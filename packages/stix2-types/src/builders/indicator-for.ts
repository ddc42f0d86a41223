import { OPENCTI_OBSERVABLE_TYPES, patternFor } from "../patterns/pattern-for.js";
import type { Indicator } from "../schemas/sdo-threats.js";
import type { StixObservable } from "../schemas/stix-object-schemas.js";
import type { Builder, BuilderInput } from "./builder-input.js";

/** Input of `indicatorFor`: an indicator's properties except what the observable determines; `name` optional. */
export type IndicatorForInput = Omit<
  BuilderInput<"indicator", "pattern_type" | "valid_from" | "name">,
  "pattern" | "x_opencti_main_observable_type"
>;

const NAME_PROPERTIES = ["value", "name", "path", "number", "iban", "card_number", "url", "persona_name", "key"];

function displayName(observable: StixObservable): string {
  const o = observable as Record<string, unknown>;
  for (const key of NAME_PROPERTIES) {
    const value = o[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  const hashes = o.hashes as Record<string, string> | undefined;
  const firstHash = hashes === undefined ? undefined : Object.values(hashes)[0];
  return firstHash ?? patternFor(observable);
}

/** Builds `indicatorFor` on top of an `indicator` builder (so bound defaults apply). */
export function indicatorForBuilder(
  indicator: Builder<"indicator", BuilderInput<"indicator", "pattern_type" | "valid_from", "name">>,
) {
  /**
   * An indicator detecting `observable`: its STIX pattern ({@link patternFor}), `pattern_type: "stix"`,
   * `x_opencti_main_observable_type` (e.g. `IPv4-Addr`), and by default the observable's value as name.
   */
  return (observable: StixObservable, input: IndicatorForInput = {}): Indicator =>
    indicator({
      ...input,
      name: input.name ?? displayName(observable),
      pattern: patternFor(observable),
      pattern_type: "stix",
      x_opencti_main_observable_type: OPENCTI_OBSERVABLE_TYPES[observable.type],
    });
}
