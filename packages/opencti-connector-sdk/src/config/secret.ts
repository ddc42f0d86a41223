import { z } from "zod";

/** Metadata key marking a config field as secret. */
const SECRET_KEY = "secret";

/**
 * Marks a field of a connector's config schema as secret: its value is shown as `[REDACTED]` in configuration
 * errors, redacted from every log line, and described as `format: password`, `writeOnly: true` in
 * `connector_config_schema.json`. Equivalent to `schema.meta({ secret: true })`.
 *
 * @example
 * ```ts
 * const schema = z.object({ api_key: secret(z.string().min(1)) });
 * ```
 */
export function secret<T extends z.ZodType>(schema: T): T {
  return schema.meta({ ...z.globalRegistry.get(schema), [SECRET_KEY]: true }) as T;
}

/** True when `schema`, or any schema it wraps (optional, default, pipe...), was marked with {@link secret}. */
export function isSecretSchema(schema: z.ZodType): boolean {
  return unwrapChain(schema).some((s) => z.globalRegistry.get(s)?.[SECRET_KEY] === true);
}

/**
 * The schema and every schema it wraps, outermost first: through `optional`, `nullable`, `default`, `prefault`,
 * `catch`, `readonly` and the input side of `pipe` (so a transform's source type is found).
 */
export function unwrapChain(schema: z.ZodType): z.ZodType[] {
  const chain: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  while (current) {
    chain.push(current);
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    current = def.type === "pipe" ? def.in : def.innerType;
  }
  return chain;
}
