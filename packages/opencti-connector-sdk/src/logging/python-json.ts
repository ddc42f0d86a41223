/** Non-printable ASCII and non-ASCII characters, escaped as Python's `ensure_ascii` does. */
const NON_ASCII = /[^\x20-\x7e]/g;

function pythonString(text: string): string {
  return JSON.stringify(text).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Serialises a JSON value the way Python's `json.dumps` does by default (what pycti's log formatter writes):
 * `", "` and `": "` separators, non-ASCII characters escaped as `\uXXXX`. Keys keep their insertion order;
 * `undefined` members are dropped and non-finite numbers become `null`, as in `JSON.stringify`.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return pythonString(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item ?? null)).join(", ")}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== "function")
    .map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`);
  return `{${members.join(", ")}}`;
}
