import type { ZodType } from "zod";
import { ResponseValidationError, type ResponseValidationIssue } from "../errors/response-validation-error.js";

/** Where a body came from, for error messages (`url` already redacted). */
export interface ResponseOrigin {
  method: string;
  url: string;
}

/**
 * Formats a zod issue path as a field path: `["data", "items", 3, "id"]` becomes `data.items[3].id`; keys that
 * are not identifiers are quoted (`headers["x-next"]`); the empty path is `(body)`.
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(body)";
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join("");
}

/** Parses a JSON body; an empty body is `undefined`. Throws {@link ResponseValidationError} on invalid JSON. */
export function parseJsonBody(text: string, origin: ResponseOrigin, redact: (text: string) => string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? redact(error.message) : "unparsable";
    throw new ResponseValidationError({
      ...origin,
      issues: [{ field: "(body)", message: `not valid JSON (${reason})` }],
    });
  }
}

/**
 * Validates `data` with `schema` and returns the parsed output (zod may transform it). Throws
 * {@link ResponseValidationError} naming every failing field.
 */
export function validateBody<T>(schema: ZodType<T>, data: unknown, origin: ResponseOrigin): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues: ResponseValidationIssue[] = result.error.issues.map((issue) => ({
    field: formatFieldPath(issue.path),
    message: issue.message,
  }));
  throw new ResponseValidationError({ ...origin, issues, cause: result.error });
}
