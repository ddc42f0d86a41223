/**
 * Build OpenCTI connectors in TypeScript.
 *
 * @packageDocumentation
 */

// api/
export type {
  ConnectorDetails,
  ConnectorInfoInput,
  ConnectorType,
  OpenCtiApi,
  PingConnectorResult,
  RabbitMqConnection,
  RegisterConnectorInput,
  RegisteredConnector,
  WorkDetails,
  WorkErrorInput,
} from "./api/index.js";
// clock/
export { type Clock, FakeClock, systemClock } from "./clock/index.js";
// errors/
export {
  ConnectorSdkError,
  type ConnectorSdkErrorOptions,
  type RetryAttempt,
  RetryExhaustedError,
  type RetryExhaustedReason,
} from "./errors/index.js";
// logging/
export {
  createMemoryLogger,
  type LogAttributes,
  type Logger,
  type LogLevel,
  type MemoryLogEntry,
  type MemoryLogger,
  noopLogger,
} from "./logging/index.js";
// retry/
export {
  backoffDelay,
  delayWithRetryAfter,
  parseRetryAfter,
  type RetryDecision,
  type RetryEvent,
  type RetryOptions,
  withRetry,
} from "./retry/index.js";
