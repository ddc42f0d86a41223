import type { LogLevel } from "./logger.js";
import { pythonJsonDumps } from "./python-json.js";

/** pycti's level names (Python `logging`). */
export const PYTHON_LEVEL_NAMES: Readonly<Record<LogLevel, string>> = {
  debug: "DEBUG",
  info: "INFO",
  warn: "WARNING",
  error: "ERROR",
};

/** One log line, already redacted. */
export interface LogLine {
  timestampMs: number;
  level: LogLevel;
  name: string;
  message: string;
  /** Absent when the call gave no attributes. */
  attributes?: Record<string, unknown> | undefined;
  /** Stack trace of the attached error. */
  excInfo?: string | undefined;
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, 6 fractional digits: milliseconds padded with `000`), as pycti writes. */
export function formatLogTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "000Z");
}

/**
 * A JSON log line in pycti's shape (spec §8.1), serialised as Python's `json.dumps` would: keys `timestamp`,
 * `level`, `name`, `message`, then `exc_info` and `attributes` when present. That is the order pycti actually
 * writes (python-json-logger puts the formatted exception before the `extra` fields).
 */
export function formatJsonLine(line: LogLine): string {
  return pythonJsonDumps({
    timestamp: formatLogTimestamp(line.timestampMs),
    level: PYTHON_LEVEL_NAMES[line.level],
    name: line.name,
    message: line.message,
    exc_info: line.excInfo,
    attributes: line.attributes,
  });
}

/**
 * A plain log line for local use: Python's default `LEVEL:name:message`, followed by the attributes as JSON (pycti
 * drops them in plain mode) and, on the next lines, the stack trace.
 */
export function formatPlainLine(line: LogLine): string {
  const head = `${PYTHON_LEVEL_NAMES[line.level]}:${line.name}:${line.message}`;
  const attributes = line.attributes === undefined ? "" : ` ${pythonJsonDumps(line.attributes)}`;
  return `${head}${attributes}${line.excInfo === undefined ? "" : `\n${line.excInfo}`}`;
}
