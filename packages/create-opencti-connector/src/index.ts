/**
 * Scaffolds a new OpenCTI connector in TypeScript from the SDK's template. The `create-opencti-connector` bin
 * (`npm init @org/opencti-connector <folder>`) is {@link runCli}; the functions below are its parts.
 *
 * @packageDocumentation
 */

export { type CliArgs, parseCliArgs, USAGE } from "./cli-args.js";
export {
  type ConnectorNames,
  type ConnectorNamesInput,
  DEFAULT_SCOPE,
  defaultNamespace,
  defaultTitle,
  resolveConnectorNames,
  slugOf,
} from "./connector-names.js";
export {
  findLocalPackages,
  type LocalPackage,
  pnpmWorkspaceYaml,
  VENDOR_DIR,
  withLocalPackages,
} from "./local-packages.js";
export { renameText, restorePath, SHIPPED_DOTFILES, TEMPLATE_NAMES } from "./rename.js";
export { type CliIo, runCli } from "./run-cli.js";
export { type ScaffoldOptions, type ScaffoldResult, scaffoldConnector, shippedTemplateDir } from "./scaffold.js";
export { ScaffoldError } from "./scaffold-error.js";
export {
  isTemplateFile,
  MONOREPO_END,
  MONOREPO_START,
  resolveSpecifiers,
  type SpecifierVersions,
  shippedPath,
  stripMonorepoSections,
} from "./template-files.js";
