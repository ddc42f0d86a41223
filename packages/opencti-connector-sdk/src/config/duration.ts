/** Seconds per ISO-8601 designator (spec §7: Y = 365 days, M = 30 days, W = 7 days). */
const DATE_UNITS: readonly (readonly [string, bigint])[] = [
  ["Y", 365n * 86_400n],
  ["M", 30n * 86_400n],
  ["W", 7n * 86_400n],
  ["D", 86_400n],
];
const TIME_UNITS: readonly (readonly [string, bigint])[] = [
  ["H", 3_600n],
  ["M", 60n],
  ["S", 1n],
];

const ISO_PATTERN =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const CLOCK_PATTERN = /^(\d+):([0-5]\d):([0-5]\d)(?:[.,](\d+))?$/;
/** pycti's spelling of "no period" (`CONNECTOR_DURATION_PERIOD=0`, or `0` in YAML). */
const ZERO_PATTERN = /^0+(?:[.,]0+)?$/;

const EXPECTED = "an ISO-8601 duration such as PT1H, P1D or P30D (or HH:MM:SS, or 0)";

/** Whole seconds of `amount` units of `unitSeconds`, exact for decimal fractions (truncated, never rounded up). */
function seconds(amount: string, unitSeconds: bigint): bigint {
  const [whole = "0", fraction = ""] = amount.split(/[.,]/);
  const scale = 10n ** BigInt(fraction.length);
  return BigInt(whole) * unitSeconds + (BigInt(fraction || "0") * unitSeconds) / scale;
}

/**
 * Parses a duration as pycti reads `CONNECTOR_DURATION_PERIOD` (spec §7) and returns milliseconds, truncated to
 * whole seconds.
 *
 * Accepts ISO-8601 `P[nY][nM][nW][nD][T[nH][nM][nS]]` with Y = 365 days, M = 30 days, W = 7 days, a decimal
 * fraction (`.` or `,`) only on the last component, the clock form `HH:MM:SS[.f]`, and the number `0` (pycti's
 * spelling of "no period"). Every zero (`0`, `PT0S`, `P0D`, `00:00:00`) is 0, which `CONNECTOR_DURATION_PERIOD`
 * reads as run-and-terminate (spec §7).
 *
 * @throws RangeError naming the value and the accepted forms.
 * @example
 * ```ts
 * parseDuration("PT1H"); // 3_600_000
 * parseDuration("P1DT12H"); // 129_600_000
 * parseDuration("PT1.5M"); // 90_000
 * parseDuration("01:30:00"); // 5_400_000
 * parseDuration("0"); // 0
 * ```
 */
export function parseDuration(text: string): number {
  const value = text.trim();
  if (ZERO_PATTERN.test(value)) return 0;
  const clock = CLOCK_PATTERN.exec(value);
  if (clock) {
    // The fraction of a second is dropped: durations are whole seconds.
    const [, h = "0", m = "0", s = "0"] = clock;
    return (Number(h) * 3_600 + Number(m) * 60 + Number(s)) * 1_000;
  }
  const match = ISO_PATTERN.exec(value);
  // "P" and "PT" alone carry no component.
  if (!match || value === "P" || value.endsWith("T")) {
    throw new RangeError(`Invalid duration ${JSON.stringify(text)}: expected ${EXPECTED}`);
  }
  const amounts = match.slice(1);
  const units = [...DATE_UNITS, ...TIME_UNITS];
  const present = amounts.map((amount, i) => ({ amount, unit: units[i]?.[1] ?? 0n })).filter((c) => c.amount);
  if (present.slice(0, -1).some((c) => c.amount !== undefined && /[.,]/.test(c.amount))) {
    throw new RangeError(
      `Invalid duration ${JSON.stringify(text)}: only the last component may have a fraction (expected ${EXPECTED})`,
    );
  }
  const total = present.reduce((sum, c) => sum + seconds(c.amount ?? "0", c.unit), 0n);
  return Number(total) * 1_000;
}

/**
 * Formats milliseconds as the shortest ISO-8601 duration using days, hours, minutes and seconds (`PT1H`, `P30D`,
 * `P1DT12H`, `PT0S`); sub-second parts are dropped. Used to show defaults given in milliseconds.
 */
export function formatDuration(ms: number): string {
  let rest = Math.trunc(ms / 1_000);
  const days = Math.trunc(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.trunc(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.trunc(rest / 60);
  const secs = rest - minutes * 60;
  const date = days > 0 ? `${days}D` : "";
  const time = `${hours > 0 ? `${hours}H` : ""}${minutes > 0 ? `${minutes}M` : ""}${secs > 0 ? `${secs}S` : ""}`;
  if (date === "" && time === "") return "PT0S";
  return `P${date}${time === "" ? "" : `T${time}`}`;
}
