const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as a JSON path: `objects[3].hashes["SHA-256"]`.
 *
 * Property names that are plain identifiers use dot notation, others bracket notation with a JSON string;
 * array indexes use brackets. An empty path formats as `""` (the value itself).
 */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
