import { randomUUID } from "node:crypto";
import { StixValidationError, type StixValidationIssue } from "../errors/stix-validation-error.js";
import { hasDeterministicId } from "../ids/contributing-data.js";
import { generateId } from "../ids/generate-id.js";
import { ID_RULES } from "../ids/id-rules.js";
import { type StixObjectByType, type StixType, stixObjectSchemas } from "../schemas/stix-object-schemas.js";
import { toStixIssues, zodErrorMap } from "../schemas/zod-issues.js";
import { normalizeTimestamp } from "../timestamps/stix-timestamp.js";
import type { BuildContext } from "./build-context.js";

/** How a builder fills common properties: versioned domain objects, observables, or marking definitions. */
export type BuilderKind = "domain" | "observable" | "marking";

/** A problem reporter handed to builder-specific checks. */
export type ReportIssue = (path: string, message: string) => void;

/** What a builder knows about its type beyond the schema. */
export interface BuilderSpec<T extends StixType> {
  readonly type: T;
  readonly kind: BuilderKind;
  /** Properties OpenCTI needs although STIX does not (reported as missing before anything else). */
  readonly requires?: readonly string[];
  /** Fills defaults and checks OpenCTI-specific rules on the object being built (mutable). */
  readonly prepare?: (object: Record<string, unknown>, ctx: BuildContext, report: ReportIssue) => void;
}

// Timestamp properties normalised to `YYYY-MM-DDTHH:mm:ss.sssZ` (the platform's form, also used for ids).
const DATE_PROPERTIES = new Set([
  "created",
  "modified",
  "published",
  "valid_from",
  "valid_until",
  "first_seen",
  "last_seen",
  "first_observed",
  "last_observed",
  "start_time",
  "stop_time",
  "submitted",
  "analysis_started",
  "analysis_ended",
  "due_date",
  "start",
  "end",
  "date",
  "ctime",
  "mtime",
  "atime",
  "created_time",
  "modified_time",
  "object_modified",
  "expiration_date",
  "publication_date",
  "validity_not_before",
  "validity_not_after",
  "account_created",
  "account_expires",
  "credential_last_changed",
  "account_first_login",
  "account_last_login",
]);

const trimCache = new Map<string, readonly string[]>();

/** The top-level properties hashed into the type's id: trimmed by builders so object and id agree. */
function idProperties(type: string): readonly string[] {
  let properties = trimCache.get(type);
  if (properties === undefined) {
    const rules =
      type === "identity"
        ? ["Organization"]
        : type === "location"
          ? ["City", "Position"]
          : type === "threat-actor"
            ? ["Threat-Actor-Group"]
            : [type];
    const names = new Set<string>();
    for (const rule of rules) for (const way of ID_RULES[rule] ?? []) for (const p of way) names.add(p.src);
    properties = [...names, ...(type === "attack-pattern" ? ["x_opencti_external_id"] : [])];
    trimCache.set(type, properties);
  }
  return properties;
}

function isEmptyOptional(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

function mergeRefs(defaults: readonly string[], given: unknown): unknown {
  if (defaults.length === 0) return given;
  if (!Array.isArray(given)) return given === undefined ? [...defaults] : given;
  return [...new Set([...defaults, ...given])];
}

/**
 * Builds one object: copies the input (dropping `undefined` values and empty lists), trims the id-contributing
 * strings, normalises timestamps, fills `spec_version`, `created`/`modified`, author and markings, computes the
 * id (deterministic where the platform has a rule, else a random UUIDv4) and validates the result.
 * Throws {@link StixValidationError} listing every problem.
 */
export function buildObject<T extends StixType>(
  spec: BuilderSpec<T>,
  input: object,
  ctx: BuildContext,
): StixObjectByType[T] {
  const issues: StixValidationIssue[] = [];
  const report: ReportIssue = (path, message) => issues.push({ path, message });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new StixValidationError([{ path: "", message: `${spec.type} input must be an object` }]);
  }
  const deterministic = hasDeterministicId(spec.type);
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (isEmptyOptional(value) || key === "type" || key === "spec_version") continue;
    body[key] = DATE_PROPERTIES.has(key) && typeof value === "string" ? (normalizeTimestamp(value) ?? value) : value;
  }
  for (const key of idProperties(spec.type)) {
    const value = body[key];
    if (typeof value === "string") body[key] = value.trim();
  }
  if (deterministic && body.id !== undefined) {
    report("id", `is computed from the content (the platform's standard id) and cannot be given for ${spec.type}`);
  }
  const object: Record<string, unknown> = { type: spec.type, spec_version: "2.1", id: body.id };
  if (spec.kind !== "observable") object.created = body.created ?? ctx.now();
  if (spec.kind === "domain") object.modified = body.modified ?? object.created;
  for (const [key, value] of Object.entries(body)) {
    if (key === "id" || (spec.kind !== "observable" && (key === "created" || key === "modified"))) continue;
    object[key] = value;
  }
  if (spec.kind !== "marking") {
    const authorKey = spec.kind === "observable" ? "x_opencti_created_by_ref" : "created_by_ref";
    if (object[authorKey] === undefined && ctx.createdBy !== undefined) object[authorKey] = ctx.createdBy;
    const markings = mergeRefs(ctx.markings, object.object_marking_refs);
    if (markings !== undefined) object.object_marking_refs = markings;
  }
  spec.prepare?.(object, ctx, report);
  for (const key of spec.requires ?? []) {
    if (object[key] === undefined || object[key] === "") report(key, `is required by OpenCTI for ${spec.type}`);
  }
  if (issues.length === 0) {
    try {
      object.id = deterministic
        ? generateId(object as { type: string })
        : (object.id ?? `${spec.type}--${randomUUID()}`);
    } catch (error) {
      if (!StixValidationError.isInstance(error)) throw error;
      issues.push(...error.issues);
    }
  }
  // Validate even when something is already wrong, so the error lists every problem; a missing id is only the
  // consequence of the problems already reported, and a property reported twice is kept once.
  const result = stixObjectSchemas[spec.type].safeParse(object, { error: zodErrorMap });
  if (!result.success) {
    const reported = new Set(issues.map((issue) => issue.path));
    for (const issue of toStixIssues(result.error, [])) {
      if (!reported.has(issue.path) && !(issue.path === "id" && object.id === undefined)) issues.push(issue);
    }
  }
  if (issues.length > 0) throw new StixValidationError(issues, { cause: result.error });
  return object as StixObjectByType[T];
}

/** A builder bound to `ctx`: `(input) => buildObject(spec, input, ctx)`, typed with its input `I`. */
export function bindBuilder<T extends StixType, I extends object>(
  ctx: BuildContext,
  spec: BuilderSpec<T>,
): (input: I) => StixObjectByType[T] {
  return (input) => buildObject(spec, input, ctx);
}
