export { type PlatformOptionIssue, PlatformOptionsError } from "./platform-options-error.js";
export { TestkitError } from "./testkit-error.js";
export { WaitError, type WaitErrorReason } from "./wait-error.js";
