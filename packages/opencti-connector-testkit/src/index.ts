/**
 * A local OpenCTI platform emulator for connector tests and demos: it executes the platform's GraphQL schema
 * with the platform's semantics (registration, ping and state, works, `stixBundlePush`), runs a worker on a
 * RabbitMQ broker or in memory, and keeps what it ingested for assertions.
 *
 * @packageDocumentation
 */

// broker/
export type { AmqpOptions, RabbitMqConnection } from "./broker/amqp-settings.js";
export { type ConnectorQueueNames, connectorQueueNames } from "./broker/queue-names.js";
// demo/
export { type DemoConnector, type DemoResult, type RunDemoOptions, runDemo } from "./demo/run-demo.js";
// errors/
export {
  type PlatformOptionIssue,
  PlatformOptionsError,
  TestkitError,
  WaitError,
  type WaitErrorReason,
} from "./errors/index.js";
// fixtures/
export { type FileResponse, type FileServer, type FileServerOptions, startFileServer } from "./fixtures/file-server.js";
// golden/
export { type GoldenOptions, goldenJson, sortedObjects } from "./golden/golden-json.js";
export type { ObjectSource } from "./golden/object-source.js";
// metadata/
export { comparableMetadata } from "./metadata/comparable-metadata.js";
export { connectorManifestProblems } from "./metadata/connector-manifest-problems.js";
export {
  type ConnectorMetadataOptions,
  README_CONFIG_END,
  README_CONFIG_START,
  renderConnectorMetadata,
} from "./metadata/connector-metadata.js";
export { readmeConfigTables } from "./metadata/readme-config-tables.js";
export { writeConnectorMetadata } from "./metadata/write-connector-metadata.js";
// platform/
export { type ObjectFilter, Platform, type WaitForWorkOptions } from "./platform/platform.js";
export { DEFAULT_PLATFORM_VERSION, DEFAULT_USER, type StartPlatformOptions } from "./platform/platform-options.js";
export { startPlatform } from "./platform/start-platform.js";
// program/
export {
  type ConnectorProgramOptions,
  type ConnectorProgramResult,
  runConnectorProgram,
} from "./program/run-connector-program.js";
// store/
export type { CallRecord } from "./store/call-log.js";
export type { ConnectorInfo, ConnectorSnapshot } from "./store/connector-store.js";
export type { DanglingReference, IngestedObject, IngestedRecord } from "./store/ingest-store.js";
export type { WorkMessage, WorkSnapshot, WorkStatus } from "./store/work-store.js";
// worker/
export type { ReferenceMode, WorkerStats } from "./worker/message-processor.js";
