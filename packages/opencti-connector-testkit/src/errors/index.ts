export { type PlatformOptionIssue, PlatformOptionsError } from "./platform-options-error.js";
export { TestkitError } from "./testkit-error.js";
export { WaitTimeoutError } from "./wait-timeout-error.js";
