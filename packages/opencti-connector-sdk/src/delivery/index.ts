export {
  type AmqpConnectionSettings,
  type AmqpOverrides,
  type AmqpTlsSettings,
  describeAmqpEndpoint,
  resolveAmqpConnection,
} from "./amqp-connection-settings.js";
export { createQueueMessageEncoder, QUEUE_PUBLISH_OPTIONS, type QueueEnvelopeFields } from "./amqp-envelope.js";
export { AmqpTransport, type AmqpTransportOptions } from "./amqp-transport.js";
export {
  type ApiChunk,
  chunkForApi,
  DEFAULT_API_CHUNK_BYTES,
  PLATFORM_BODY_LIMIT_BYTES,
} from "./api-chunker.js";
export { ApiTransport, type ApiTransportOptions } from "./api-transport.js";
export {
  type BatchResult,
  BundleSender,
  type BundleSenderOptions,
  type DeliveryResult,
  type SendInput,
  type SendOptions,
  type SentCounts,
} from "./bundle-sender.js";
export {
  OPENCTI_EXTENSION_ID,
  type SplitBundle,
  type SplitOptions,
  type SplitResult,
  type StixBundleRecord,
  type StixObjectRecord,
  splitBundle,
} from "./bundle-splitter.js";
export type {
  BundleTransport,
  DeliveryBatch,
  DeliveryOptions,
  DeliveryProgress,
  PreparedDelivery,
  UnsplitBundle,
} from "./bundle-transport.js";
export {
  type CreateTransportsOptions,
  createTransports,
  type DeliveryRegistration,
  type DeliverySettings,
} from "./create-transports.js";
export { directoryFileName } from "./directory-file-name.js";
export {
  type DirectoryConnectorInfo,
  DirectoryTransport,
  type DirectoryTransportOptions,
} from "./directory-transport.js";
export type { SplitWarning, SplitWarningReason } from "./split-warning.js";
export { isIdSupported, SUPPORTED_TYPE_PREFIXES } from "./supported-types.js";
export { workbenchFileName } from "./workbench-file-name.js";
export { WorkbenchTransport, type WorkbenchTransportOptions } from "./workbench-transport.js";
