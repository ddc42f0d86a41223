/** One reference found in an object: the JSON path of the property and the id it holds. */
export interface FoundRef {
  /** JSON path inside the object, e.g. `object_refs[2]` or `granular_markings[0].marking_ref`. */
  path: string;
  /** The referenced id. */
  ref: string;
}

// External references point outside STIX (URLs, external ids), never at objects.
const NOT_REFS = new Set(["external_references", "x_opencti_external_references"]);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function child(path: string, key: string): string {
  if (IDENTIFIER.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function walk(value: unknown, path: string, out: FoundRef[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) walk(value[i], `${path}[${i}]`, out);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (NOT_REFS.has(key)) continue;
    const itemPath = child(path, key);
    if (key.endsWith("_ref") && typeof item === "string") out.push({ path: itemPath, ref: item });
    else if (key.endsWith("_refs") && Array.isArray(item)) {
      item.forEach((ref, i) => {
        if (typeof ref === "string") out.push({ path: `${itemPath}[${i}]`, ref });
      });
    } else walk(item, itemPath, out);
  }
}

/**
 * Every `*_ref` / `*_refs` value of an object, at any depth (extensions, granular markings, MIME parts, ...);
 * external references are not references to objects and are skipped.
 */
export function findRefs(object: object): FoundRef[] {
  const out: FoundRef[] = [];
  walk(object, "", out);
  return out;
}
