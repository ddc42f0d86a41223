export { BundleLinter, type BundleLintReport, type LintBundleOptions, lintBundle } from "./bundle-linter.js";
export type { BundleProblem, BundleProblemKind } from "./bundle-problem.js";
export { type BundleEnvelope, BundleScanner, type BundleScannerOptions, type ScannedObject } from "./bundle-scanner.js";
export {
  type BundleValidationReport,
  BundleValidator,
  type ValidateBundleOptions,
  validateBundle,
} from "./bundle-validator.js";
export {
  type BundleEntry,
  type BundleSource,
  type ReadBundleOptions,
  readBundleEntries,
  readBundleObjects,
} from "./read-bundle-objects.js";
