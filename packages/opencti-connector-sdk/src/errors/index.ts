export { ConfigError, type ConfigIssue, formatConfigIssue } from "./config-error.js";
export { ConnectorSdkError, type ConnectorSdkErrorOptions, hasErrorMarker } from "./connector-sdk-error.js";
export { DeliveryError, type DeliveryPhase, type DeliveryTransportKind } from "./delivery-error.js";
export { InvalidBundleError } from "./invalid-bundle-error.js";
export { InvalidStateError, type StateIssue } from "./invalid-state-error.js";
export { MappingError } from "./mapping-error.js";
export { OpenCTIApiError, type OpenCTIApiErrorDetails } from "./opencti-api-error.js";
export { OPENCTI_AUTH_ERROR_CODES, OpenCTIAuthError } from "./opencti-auth-error.js";
export { OpenCTIGraphQLError, type OpenCTIGraphQLErrorEntry } from "./opencti-graphql-error.js";
export {
  isRetryableOpenCtiStatus,
  OpenCTIUnavailableError,
  type OpenCTIUnavailableReason,
} from "./opencti-unavailable-error.js";
export { ResponseValidationError, type ResponseValidationIssue } from "./response-validation-error.js";
export {
  type RetryAttempt,
  RetryExhaustedError,
  type RetryExhaustedReason,
} from "./retry-exhausted-error.js";
export { RunInterruptedError } from "./run-interrupted-error.js";
export { SourceError, type SourceErrorOptions } from "./source-error.js";
export { isRetryableStatus, SourceHttpError, type SourceHttpErrorKind } from "./source-http-error.js";
export { StateResetError } from "./state-reset-error.js";
export { UnsupportedPlatformError } from "./unsupported-platform-error.js";
