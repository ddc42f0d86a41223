export { ConnectorHelper } from "./connector-helper.js";
export type { ConnectorHelperOptions, StateResetEvent } from "./connector-helper-types.js";
export { type ConnectorState, isRemoteReset, jsonEqual, parseState, serializeState } from "./connector-state.js";
export { formatFatalError } from "./format-fatal-error.js";
export {
  type PlatformVersion,
  parsePlatformVersion,
  SUPPORTED_PLATFORM_RANGE,
  satisfiesRange,
} from "./platform-version.js";
export { buildRegistrationInput } from "./registration-input.js";
export { onShutdownSignal, type SignalSource } from "./shutdown-signal.js";
