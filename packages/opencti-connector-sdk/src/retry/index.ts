export { type BackoffOptions, backoffDelay, delayWithRetryAfter, parseRetryAfter } from "./backoff.js";
export {
  defaultClassify,
  type RetryableErrorLike,
  type RetryDecision,
  type RetryEvent,
  type RetryOptions,
  withRetry,
} from "./retry.js";
