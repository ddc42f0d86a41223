/**
 * Serialises a JSON value as RFC 8785 canonical JSON (JCS).
 *
 * Object keys are sorted by UTF-16 code units (the default `Array.prototype.sort` order), no whitespace is
 * written, strings and numbers use `JSON.stringify`'s escaping and number form (which JCS adopts). Object
 * properties whose value is `undefined` are skipped, as `JSON.stringify` and the npm `canonicalize` package (the
 * one the OpenCTI platform uses) do. Values JSON cannot represent (non-finite numbers, bigints, functions,
 * symbols, `undefined` array items) throw a `TypeError` rather than being silently changed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot represent the number ${value}`);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return canonicalArray(value);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonical JSON cannot represent a value of type ${typeof value}`);
  }
}

function canonicalArray(values: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < values.length; i += 1) {
    if (values[i] === undefined) throw new TypeError(`canonical JSON cannot represent undefined at index ${i}`);
    if (i > 0) out += ",";
    out += canonicalJson(values[i]);
  }
  return `${out}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}
