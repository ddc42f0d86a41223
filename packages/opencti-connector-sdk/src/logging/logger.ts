/** Structured data attached to a log line (pycti's `attributes`). */
export type LogAttributes = Record<string, unknown>;

/** Log levels, from most to least verbose. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * The logging interface every part of the SDK writes to. The production implementation (winston, pycti's JSON
 * shape, secret redaction) is created by `createLogger`; tests use {@link createMemoryLogger}.
 *
 * An `Error` passed as an attribute value (conventionally `error`) is serialised with its name and message, and
 * its stack trace goes to `exc_info`.
 */
export interface Logger {
  debug(message: string, attributes?: LogAttributes): void;
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
  /** A logger that adds `attributes` to every line (and optionally logs under another `name`). */
  child(attributes: LogAttributes, name?: string): Logger;
}

/** One line captured by {@link createMemoryLogger}. */
export interface MemoryLogEntry {
  level: LogLevel;
  name: string;
  message: string;
  attributes: LogAttributes;
}

/** A {@link Logger} that keeps every line in memory, for tests. */
export interface MemoryLogger extends Logger {
  /** Every line logged through this logger and its children, in order. */
  readonly entries: MemoryLogEntry[];
}

/** Creates a {@link MemoryLogger}; children share the parent's `entries`. */
export function createMemoryLogger(name = "test"): MemoryLogger {
  const entries: MemoryLogEntry[] = [];
  const make = (loggerName: string, bound: LogAttributes): MemoryLogger => {
    const log = (level: LogLevel) => (message: string, attributes?: LogAttributes) => {
      entries.push({ level, name: loggerName, message, attributes: { ...bound, ...attributes } });
    };
    return {
      entries,
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (attributes, childName) => make(childName ?? loggerName, { ...bound, ...attributes }),
    };
  };
  return make(name, {});
}

/** A {@link Logger} that discards everything. */
export const noopLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => noopLogger,
};
