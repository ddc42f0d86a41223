import { z } from "zod";
import { identifier } from "./primitives.js";

/** Custom properties: STIX allows any property whose name starts with `x_`. */
export type CustomProperties = { [key: `x_${string}`]: unknown };

/** The type of a STIX object schema's value: its declared properties plus custom `x_` properties. */
export type StixObjectOf<S extends z.ZodObject> = z.output<z.ZodObject<S["shape"]>> & CustomProperties;

type RefineContext = z.core.$RefinementCtx<Record<string, unknown>>;

function usesToplevelExtension(value: Record<string, unknown>): boolean {
  const extensions = value.extensions;
  if (typeof extensions !== "object" || extensions === null) return false;
  return Object.values(extensions).some(
    (extension) =>
      typeof extension === "object" &&
      extension !== null &&
      (extension as Record<string, unknown>).extension_type === "toplevel-property-extension",
  );
}

/**
 * Defines the zod schema of one STIX object type: `type` is the literal, `id` must be `<type>--<uuid>`, the
 * shape's properties are checked, custom `x_` properties pass through untouched, and any other property is
 * reported (STIX custom properties must start with `x_`, unless a toplevel-property extension is declared).
 * `refine` adds cross-property rules; it runs only when every property is individually valid.
 */
export function defineStixObject<const T extends string, S extends z.ZodRawShape>(
  type: T,
  shape: S,
  refine?: (value: z.output<z.ZodObject<S>> & { type: T; id: string }, ctx: RefineContext) => void,
) {
  const full = { type: z.literal(type), id: identifier([type]), ...shape };
  const known = new Set(Object.keys(full));
  const schema = z.looseObject(full).check(
    z.superRefine(
      (value: Record<string, unknown>, ctx) => {
        if (typeof value !== "object" || value === null) return;
        let toplevel: boolean | undefined;
        for (const key of Object.keys(value)) {
          if (known.has(key) || key.startsWith("x_")) continue;
          toplevel ??= usesToplevelExtension(value);
          if (toplevel) return;
          ctx.addIssue({
            code: "custom",
            message: `unknown property "${key}" for type ${type} (custom properties must start with x_)`,
            path: [key],
          });
        }
      },
      { when: () => true },
    ),
  );
  if (refine === undefined) return schema;
  return schema.superRefine((value, ctx) =>
    refine(value as z.output<z.ZodObject<S>> & { type: T; id: string }, ctx as RefineContext),
  );
}
