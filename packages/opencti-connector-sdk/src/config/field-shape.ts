import { z } from "zod";
import { formatDuration } from "./duration.js";
import { isSecretSchema, unwrapChain } from "./secret.js";

/** How a raw value (environment string or YAML value) is read before validation. */
export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "list" | "duration";

/** What the loader, the JSON Schema and the docs need to know about one field of a connector's schema. */
export interface FieldShape {
  kind: FieldKind;
  /** Kind of the items of a `list`. */
  itemKind?: "string" | "enum";
  secret: boolean;
  description: string | undefined;
  /** Accepted values of an `enum` (or of a list of enum items). */
  enumValues?: readonly string[];
  /** JSON Schema `format` of a string (`uri`, `email`, `uuid`, `date-time`, `duration`...). */
  format?: string;
  /** Default in its input form (`"PT1H"` for durations), or `undefined`. */
  defaultValue: unknown;
  /** True when the field has no default and is neither optional nor nullable. */
  required: boolean;
}

interface AnyDef {
  type: string;
  format?: string;
  entries?: Record<string, string>;
  values?: readonly unknown[];
  element?: z.ZodType;
  checks?: { _zod: { def: { format?: string } } }[];
  defaultValue?: unknown;
}

const FORMATS: Record<string, string> = {
  url: "uri",
  email: "email",
  uuid: "uuid",
  guid: "uuid",
  datetime: "date-time",
  date: "date",
  ipv4: "ipv4",
  ipv6: "ipv6",
};

function defOf(schema: z.ZodType): AnyDef {
  return schema._zod.def as unknown as AnyDef;
}

function isInteger(def: AnyDef): boolean {
  const formats = [def.format, ...(def.checks ?? []).map((c) => c._zod.def.format)];
  return formats.some((f) => f !== undefined && /int/.test(f));
}

function leafKind(schema: z.ZodType): Pick<FieldShape, "kind" | "enumValues" | "format"> | undefined {
  const def = defOf(schema);
  const meta = z.globalRegistry.get(schema);
  if (meta?.format === "duration") return { kind: "duration", format: "duration" };
  switch (def.type) {
    case "string": {
      const format = def.format === undefined ? undefined : FORMATS[def.format];
      return format === undefined ? { kind: "string" } : { kind: "string", format };
    }
    case "number":
      return { kind: isInteger(def) ? "integer" : "number" };
    case "boolean":
      return { kind: "boolean" };
    case "enum":
      return { kind: "enum", enumValues: Object.values(def.entries ?? {}) };
    case "literal":
      return { kind: "enum", enumValues: (def.values ?? []).map(String) };
    default:
      return undefined;
  }
}

/**
 * Describes one field of a connector's zod schema. Supported fields are strings (with formats), numbers,
 * integers, booleans, enums, literals, {@link isoDuration} and arrays of strings or enums, optionally wrapped in
 * `optional`, `nullable`, `default`, `prefault`, `readonly` or a transform. Anything else (objects, unions...)
 * throws a `TypeError` naming the field: the catalog's schema has no place for it (spec §2.3).
 */
export function describeField(name: string, schema: z.ZodType): FieldShape {
  const chain = unwrapChain(schema);
  let defaultValue: unknown;
  let optional = false;
  for (const s of chain) {
    const def = defOf(s);
    if ((def.type === "default" || def.type === "prefault") && defaultValue === undefined) {
      defaultValue = def.defaultValue;
    }
    if (def.type === "optional" || def.type === "nullable") optional = true;
  }
  const description = chain.map((s) => z.globalRegistry.get(s)?.description).find((d) => d !== undefined);
  // The first schema of the chain that is not a wrapper decides the kind (a duration is found on its pipe input).
  let leaf: Pick<FieldShape, "kind" | "enumValues" | "format"> | undefined;
  let itemKind: FieldShape["itemKind"];
  for (const s of chain) {
    const def = defOf(s);
    if (def.type === "array" && def.element) {
      const item = leafKind(def.element);
      if (item?.kind !== "string" && item?.kind !== "enum") break;
      leaf = item.enumValues === undefined ? { kind: "list" } : { kind: "list", enumValues: item.enumValues };
      itemKind = item.kind;
      break;
    }
    leaf = leafKind(s);
    if (leaf) break;
  }
  if (!leaf) {
    throw new TypeError(
      `Config field "${name}" has an unsupported type: use a string, number, boolean, enum, isoDuration() or an array of strings`,
    );
  }
  if (leaf.kind === "duration" && typeof defaultValue === "number") defaultValue = formatDuration(defaultValue);
  return {
    ...leaf,
    ...(itemKind === undefined ? {} : { itemKind }),
    secret: isSecretSchema(schema),
    description,
    defaultValue,
    required: defaultValue === undefined && !optional,
  };
}
