import { z } from "zod";
import { isStixTimestamp } from "../../timestamps/stix-timestamp.js";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const ANY_IDENTIFIER = new RegExp(`^[a-z0-9][a-z0-9-]*[a-z0-9]--${UUID}$`);
const UUID_ONLY = new RegExp(`^${UUID}$`);

/** True when `value` is a STIX identifier `<type>--<uuid>`, of one of `types` when given. */
export function isStixIdentifier(value: string, types?: readonly string[]): boolean {
  if (!ANY_IDENTIFIER.test(value)) return false;
  if (types === undefined) return true;
  const separator = value.indexOf("--");
  return types.includes(value.slice(0, separator));
}

/** True when `value` is a UUID in its textual 8-4-4-4-12 form. */
export function isUuid(value: string): boolean {
  return UUID_ONLY.test(value);
}

/**
 * A STIX identifier, `<type>--<uuid>`; with `types`, the type part must be one of them
 * (e.g. `identifier(["identity"])` for `created_by_ref`).
 */
export function identifier(types?: readonly string[]) {
  const expected = types === undefined ? "a STIX id `<type>--<uuid>`" : `a STIX id of type ${types.join(" or ")}`;
  return z.string().refine((value) => isStixIdentifier(value, types), {
    error: (issue) => `must be ${expected} (got ${JSON.stringify(issue.input)})`,
  });
}

/** A STIX timestamp: RFC 3339, UTC with `Z`, optional fractional seconds, a real date and time. */
export const timestampSchema = z.string().refine(isStixTimestamp, {
  error: (issue) =>
    `must be a STIX timestamp in UTC such as 2024-01-31T12:00:00.000Z (got ${JSON.stringify(issue.input)})`,
});

/** An integer between `min` and `max` inclusive. */
export function integer(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

/** OpenCTI confidence and score: an integer from 0 to 100. */
export const percentSchema = integer(0, 100);

/** A non-empty string (STIX required strings must not be empty). */
export const nonEmptyString = z.string().min(1, "must not be empty");

/** A list of non-empty strings. */
export const stringList = z.array(nonEmptyString);

/** An optional list of non-empty strings (STIX forbids empty lists: omit the property instead). */
export const optionalStringList = stringList.min(1, "must not be empty (omit the property instead)").optional();

/** A non-empty list of STIX ids (of `types` when given). */
export function refList(types?: readonly string[]) {
  return z.array(identifier(types)).min(1, "must list at least one id");
}
