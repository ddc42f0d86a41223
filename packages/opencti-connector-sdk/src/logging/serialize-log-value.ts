import type { SecretRedactor } from "./secret-redactor.js";

const MAX_DEPTH = 8;
const MAX_CAUSES = 5;

/** `Name: message` of an error, as it appears in `attributes`. */
export function describeError(error: Error): string {
  return `${error.name}: ${error.message}`;
}

/**
 * The stack trace of an error followed by those of its causes (`Caused by: ...`), like a Python traceback chain;
 * `Name: message` when there is no stack. Redacted.
 */
export function errorTrace(error: Error, redactor: SecretRedactor): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth <= MAX_CAUSES; depth++) {
    parts.push(current.stack ?? describeError(current));
    current = current.cause;
  }
  if (current !== undefined && !(current instanceof Error)) parts.push(String(current));
  return redactor.redact(parts.join("\nCaused by: "));
}

/**
 * Turns an attribute value into plain JSON data with every secret redacted: strings (also object keys) are
 * redacted, errors become `Name: message` (their stacks and causes go to `exc_info`), dates ISO strings, `toJSON` is honoured,
 * cycles are cut as `[Circular]`.
 */
export function serializeLogValue(
  value: unknown,
  redactor: SecretRedactor,
  seen = new WeakSet<object>(),
  depth = 0,
): unknown {
  if (typeof value === "string") return redactor.redact(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "symbol" || typeof value === "function") return redactor.redact(String(value));
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  seen.add(value);
  try {
    if (value instanceof Error) return redactor.redact(describeError(value));
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === "function") return serializeLogValue(withJson.toJSON(), redactor, seen, depth + 1);
    if (Array.isArray(value)) return value.map((item) => serializeLogValue(item, redactor, seen, depth + 1));
    if (value instanceof Map) {
      return serializeLogValue(Object.fromEntries(value), redactor, seen, depth + 1);
    }
    if (value instanceof Set) return serializeLogValue([...value], redactor, seen, depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[redactor.redact(key)] = serializeLogValue(inner, redactor, seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
