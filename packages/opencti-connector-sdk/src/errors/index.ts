export { ConnectorSdkError, type ConnectorSdkErrorOptions, hasErrorMarker } from "./connector-sdk-error.js";
export {
  type RetryAttempt,
  RetryExhaustedError,
  type RetryExhaustedReason,
} from "./retry-exhausted-error.js";
