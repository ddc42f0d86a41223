/** A connector's state: by convention a JSON object (spec §4.4), e.g. `{ "last_run": "2026-02-12T22:00:00Z" }`. */
export type ConnectorState = Record<string, unknown>;

function isObject(value: unknown): value is ConnectorState {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads `connector_state` as the platform returns it. `null`, `""`, invalid JSON, non-objects and `{}` all mean
 * "no state" (`null`).
 */
export function parseState(raw: string | null | undefined): ConnectorState | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return isObject(value) && Object.keys(value).length > 0 ? value : null;
}

/** The `state` variable of a ping: `JSON(state)`, i.e. `"null"` when there is none, as pycti sends it. */
export function serializeState(state: ConnectorState | null): string {
  return JSON.stringify(state ?? null);
}

/** Structural equality of JSON data; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
}

/**
 * True when the platform returned a state other than the one sent: it ignored the ping's state because the state
 * was reset (spec §4.3). Both sides are compared as the platform sees them (through JSON), so values that do not
 * survive JSON (dates, `undefined`) do not look like a reset.
 */
export function isRemoteReset(sent: ConnectorState | null, returned: string | null): boolean {
  return !jsonEqual(parseState(serializeState(sent)), parseState(returned));
}
