const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * pycti's directory-mode file name (spec §6.5): `<name lower-cased, spaces → _>-<local YYYYmmdd-HHMMSS>-<epoch
 * seconds as a decimal number>.json`, e.g. `my_connector-20260212-234147-1770936107.123.json`.
 */
export function directoryFileName(connectorName: string, epochMs: number): string {
  const date = new Date(epochMs);
  const local =
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  const seconds = epochMs / 1000;
  // Python's str(float) always has a fractional part.
  const epoch = Number.isInteger(seconds) ? `${seconds}.0` : String(seconds);
  return `${connectorName.toLowerCase().replaceAll(" ", "_")}-${local}-${epoch}.json`;
}
