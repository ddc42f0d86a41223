export {
  OPENCTI_EXTENSION_ID,
  type SplitBundle,
  type SplitOptions,
  type SplitResult,
  type StixBundleRecord,
  type StixObjectRecord,
  splitBundle,
} from "./bundle-splitter.js";
export type { SplitWarning, SplitWarningReason } from "./split-warning.js";
export { isIdSupported, SUPPORTED_TYPE_PREFIXES } from "./supported-types.js";
