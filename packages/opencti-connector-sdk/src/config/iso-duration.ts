import { z } from "zod";
import { parseDuration } from "./duration.js";

/**
 * A zod schema for a duration setting: accepts what {@link parseDuration} accepts and outputs milliseconds.
 * Documented as `format: duration` in `connector_config_schema.json`. For a default, use `.prefault("P30D")`
 * (parsed like any given value) or `.default(2_592_000_000)` (milliseconds).
 *
 * @example
 * ```ts
 * const schema = z.object({ import_start_date: isoDuration().prefault("P30D") });
 * // TEMPLATE_IMPORT_START_DATE=P7D -> config.template.import_start_date === 604_800_000
 * ```
 */
export function isoDuration(): z.ZodPipe<z.ZodString, z.ZodTransform<number, string>> {
  return z
    .string()
    .meta({ format: "duration" })
    .transform((text, ctx) => {
      try {
        return parseDuration(text);
      } catch (error) {
        ctx.issues.push({ code: "custom", message: (error as Error).message, input: text });
        return z.NEVER;
      }
    });
}
