/** Platform versions this SDK is tested against (spec references: pycti 6.8.10 and platform 6.9.17 documents). */
export const SUPPORTED_PLATFORM_RANGE = ">=6.8.0";

/** A version as three integers (`6.9.17`, or calendar versions such as `7.260817.0`). */
export type PlatformVersion = readonly [number, number, number];

/** Parses the leading `major.minor.patch` of a version (missing parts are 0); `undefined` when there is none. */
export function parsePlatformVersion(text: string): PlatformVersion | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: PlatformVersion, b: PlatformVersion): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

const COMPARATOR = /^(>=|<=|>|<|=)?\s*(v?\d+(?:\.\d+){0,2})$/;

/**
 * Checks a range of comparators joined by spaces or commas (all must hold), e.g. `>=6.8.12`, `>=6.8.0 <7`, `6.9.17`.
 * @throws TypeError for a range it cannot read.
 */
export function satisfiesRange(version: PlatformVersion, range: string): boolean {
  const parts = range.split(/[\s,]+/).filter((p) => p !== "");
  if (parts.length === 0) throw new TypeError(`Invalid version range "${range}"`);
  return parts.every((part) => {
    const match = COMPARATOR.exec(part);
    const bound = match ? parsePlatformVersion(match[2] ?? "") : undefined;
    if (!match || !bound) throw new TypeError(`Invalid version range "${range}": use comparators such as >=6.8.12`);
    const order = compare(version, bound);
    switch (match[1]) {
      case ">=":
        return order >= 0;
      case "<=":
        return order <= 0;
      case ">":
        return order > 0;
      case "<":
        return order < 0;
      default:
        return order === 0;
    }
  });
}
