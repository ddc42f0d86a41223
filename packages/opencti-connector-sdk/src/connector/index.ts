export type { MappedBatch, SkippedRecord, StixOutput } from "./batch-mapper.js";
export type { BatchDelivery, BatchSender } from "./batch-sender.js";
export type {
  ExternalImportConnectorOptions,
  ExternalImportDefinition,
  SenderFactory,
  SenderSetup,
} from "./connector-options.js";
export { type ConnectorRunResult, ExternalImportConnector } from "./external-import-connector.js";
export type { CollectContext, MapContext } from "./import-context.js";
export {
  type ImportState,
  type ImportStateSchema,
  importStateSchema,
  LAST_RUN_KEY,
  relativeStart,
} from "./import-state.js";
export { type RunConnectorOptions, type RunnableConnector, reportFatalError, runConnector } from "./run-connector.js";
export type { SourceRetryOptions } from "./source-retry.js";
