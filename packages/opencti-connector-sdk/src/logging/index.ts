export {
  createMemoryLogger,
  type LogAttributes,
  type Logger,
  type LogLevel,
  type MemoryLogEntry,
  type MemoryLogger,
  noopLogger,
} from "./logger.js";
