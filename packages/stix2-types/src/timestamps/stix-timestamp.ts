// RFC 3339 date-time: the STIX form requires `Z`; offsets are accepted only where a value is normalised.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface ParsedTimestamp {
  /** `YYYY-MM-DDTHH:mm:ss` as written. */
  base: string;
  /** The fraction digits as written (may be empty). */
  fraction: string;
  /** `Z` or `±HH:mm`. */
  zone: string;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function parse(value: string): ParsedTimestamp | undefined {
  const match = RFC3339.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return undefined;
  const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  // Leap seconds (`:60`) are refused: JavaScript dates, and so the platform, cannot represent them.
  if (day < 1 || day > maxDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zone !== "Z") {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return undefined;
  }
  return { base: value.slice(0, 19), fraction, zone };
}

/**
 * True when `value` is a STIX 2.1 timestamp: RFC 3339 in UTC with a `Z`, optional fractional seconds, and a real
 * calendar date and time (e.g. `2024-02-29T10:00:00Z`, `2024-02-29T10:00:00.123Z`).
 */
export function isStixTimestamp(value: string): boolean {
  const parsed = parse(value);
  return parsed !== undefined && parsed.zone === "Z";
}

/**
 * Normalises an RFC 3339 date-time to the platform's form `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC, exactly three
 * fractional digits; extra digits are truncated, as a JavaScript `Date` does). Offsets such as `+02:00` are
 * converted to UTC. Returns `undefined` when `value` is not a valid RFC 3339 date-time.
 */
export function normalizeTimestamp(value: string): string | undefined {
  const parsed = parse(value);
  if (parsed === undefined) return undefined;
  const millis = parsed.fraction.slice(0, 3).padEnd(3, "0");
  if (parsed.zone === "Z") return `${parsed.base}.${millis}Z`;
  const epoch = Date.parse(`${parsed.base}.${millis}${parsed.zone}`);
  return formatStixTimestamp(epoch);
}

/**
 * Formats a date (a `Date` or epoch milliseconds) as a STIX timestamp with milliseconds:
 * `YYYY-MM-DDTHH:mm:ss.sssZ`. Throws a `RangeError` for invalid dates and years outside 0000–9999.
 */
export function formatStixTimestamp(date: Date | number): string {
  const d = typeof date === "number" ? new Date(date) : date;
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(`cannot format ${String(date)} as a STIX timestamp`);
  }
  return d.toISOString();
}
