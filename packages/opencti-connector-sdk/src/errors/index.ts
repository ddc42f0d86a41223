export { ConnectorSdkError, type ConnectorSdkErrorOptions, hasErrorMarker } from "./connector-sdk-error.js";
export { ResponseValidationError, type ResponseValidationIssue } from "./response-validation-error.js";
export {
  type RetryAttempt,
  RetryExhaustedError,
  type RetryExhaustedReason,
} from "./retry-exhausted-error.js";
export { isRetryableStatus, SourceHttpError, type SourceHttpErrorKind } from "./source-http-error.js";
