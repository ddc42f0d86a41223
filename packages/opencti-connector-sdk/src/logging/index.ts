export { type CreateLoggerOptions, createLogger, type SdkLogger } from "./create-logger.js";
export {
  formatJsonLine,
  formatLogTimestamp,
  formatPlainLine,
  type LogLine,
  PYTHON_LEVEL_NAMES,
} from "./format-log-line.js";
export {
  createMemoryLogger,
  type LogAttributes,
  type Logger,
  type LogLevel,
  type MemoryLogEntry,
  type MemoryLogger,
  noopLogger,
} from "./logger.js";
export { pythonJsonDumps } from "./python-json.js";
export { REDACTED, SecretRedactor } from "./secret-redactor.js";
