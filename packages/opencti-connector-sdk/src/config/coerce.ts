import type { FieldKind } from "./field-shape.js";

/** Result of reading a raw value as a given kind. */
export type Coerced = { ok: true; value: unknown } | { ok: false };

const TRUE_WORDS = new Set(["true", "yes", "1", "on"]);
const FALSE_WORDS = new Set(["false", "no", "0", "off"]);
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a boolean as spec §2.1 rule 3 says: `true/yes/1/on` and `false/no/0/off`, case-insensitive (a superset of
 * pycti's `yes/true/True`, `no/false/False`); YAML booleans and the numbers 1 and 0 as such. Anything else is
 * `undefined` (rejected by the loader).
 */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * Splits a list: comma-separated in a string (environment or YAML), or a YAML sequence. Items are trimmed and
 * empty ones dropped (spec §2.1 rule 4).
 */
export function parseList(value: unknown): string[] | undefined {
  const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (items === undefined) return undefined;
  if (items.some((item) => item !== null && typeof item === "object")) return undefined;
  return items.map((item) => (item === null || item === undefined ? "" : String(item).trim())).filter((i) => i !== "");
}

function scalarString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return undefined;
}

/**
 * Converts a raw environment string or YAML value to what a field of `kind` validates: numbers are parsed only
 * for numeric fields, strings keep their text (a YAML number given for a string field becomes its text).
 */
export function coerceRaw(kind: FieldKind, value: unknown): Coerced {
  switch (kind) {
    case "boolean": {
      const parsed = parseBoolean(value);
      return parsed === undefined ? { ok: false } : { ok: true, value: parsed };
    }
    case "number":
    case "integer": {
      if (typeof value === "number") return { ok: true, value };
      const text = scalarString(value)?.trim();
      if (text === undefined || !NUMBER_PATTERN.test(text)) return { ok: false };
      return { ok: true, value: Number(text) };
    }
    case "list": {
      const parsed = parseList(value);
      return parsed === undefined ? { ok: false } : { ok: true, value: parsed };
    }
    default: {
      const text = scalarString(value);
      return text === undefined ? { ok: false } : { ok: true, value: text };
    }
  }
}

/** Human description of what a field of `kind` accepts, for configuration errors. */
export function expectedFor(kind: FieldKind, enumValues?: readonly string[]): string {
  switch (kind) {
    case "boolean":
      return "a boolean (true/false, yes/no, 1/0, on/off)";
    case "number":
      return "a number";
    case "integer":
      return "an integer";
    case "list":
      return enumValues === undefined
        ? "a comma-separated list"
        : `a comma-separated list of ${enumValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "enum":
      return `one of ${(enumValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "duration":
      return "an ISO-8601 duration such as PT1H, P1D or P30D";
    default:
      return "a string";
  }
}
