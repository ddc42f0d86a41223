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
  isRetryableStatus,
  ResponseValidationError,
  type ResponseValidationIssue,
  type RetryAttempt,
  RetryExhaustedError,
  type RetryExhaustedReason,
  SourceHttpError,
  type SourceHttpErrorKind,
} from "./errors/index.js";
// http/
export {
  type ArrayItem,
  buildRequestUrl,
  type CursorPage,
  type CursorPaginationOptions,
  createHttpClient,
  createRedactor,
  findLink,
  formatFieldPath,
  type HttpAuth,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRateLimitOptions,
  type HttpResponse,
  type HttpRetryOptions,
  isSecretQueryParam,
  type LinkPage,
  type LinkPaginationOptions,
  type NumberedPage,
  type OffsetPage,
  type OffsetPaginationOptions,
  type Page,
  type PageNumberPaginationOptions,
  type PaginationOptions,
  paginateCursor,
  paginateLink,
  paginateOffset,
  paginatePages,
  parseLinkHeader,
  type QueryParams,
  type QueryValue,
  type Redactor,
  type RedactorOptions,
  type RequestOptions,
  TokenBucket,
  type TokenBucketOptions,
  type ValidatedRequestOptions,
  type WebLink,
} from "./http/index.js";
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
// metrics/
export {
  type ConnectorMetrics,
  type ConnectorRunState,
  type HealthStatus,
  type MetricNamePrefix,
  type MetricsServer,
  type MetricsServerOptions,
  type MetricsSource,
  metricName,
  noopConnectorMetrics,
  PingHealth,
  type PingHealthOptions,
  PrometheusConnectorMetrics,
  type PrometheusConnectorMetricsOptions,
  type RunObservation,
  startMetricsServer,
} from "./metrics/index.js";
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
// scheduler/
export {
  BufferingGate,
  type BufferingGateOptions,
  checkQueueThreshold,
  exitCodeFor,
  type FailureBackoff,
  formatInfoDatetime,
  type InitialDelayInput,
  initialDelayMs,
  nextRunDelayMs,
  type QueueCheck,
  type QueueThresholdOptions,
  queueCheckInfo,
  queueSizeMb,
  type RunContext,
  type RunOutcome,
  Scheduler,
  type SchedulerOptions,
  type SchedulerResult,
} from "./scheduler/index.js";
