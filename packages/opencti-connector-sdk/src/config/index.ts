export { BASE_VARIABLES, type BaseVariable, type BaseVariableKind, LOG_LEVEL_VALUES } from "./base-variables.js";
export { parseBoolean, parseList } from "./coerce.js";
export type {
  BaseConnectorConfig,
  ConnectorConfig,
  ConnectorSettings,
  MqSettings,
  OpenCtiSettings,
} from "./connector-config.js";
export { connectorConfigDoc } from "./connector-config-doc.js";
export {
  type ConfigJsonSchemaProperty,
  type ConnectorConfigJsonSchema,
  connectorConfigJsonSchema,
} from "./connector-config-json-schema.js";
export { CONNECTOR_TYPES, type ConnectorDefaults } from "./connector-defaults.js";
export { parseCustomHeaders } from "./custom-headers.js";
export {
  type ConnectorConfigDefinition,
  type ConnectorConfigOf,
  defineConnectorConfig,
  type NamespaceField,
} from "./define-connector-config.js";
export { formatDuration, parseDuration } from "./duration.js";
export type { FieldKind, FieldShape } from "./field-shape.js";
export { isoDuration } from "./iso-duration.js";
export {
  type ConfigDiagnostic,
  IGNORED_VARIABLES,
  QUEUE_PROTOCOL_ALIAS,
  UNSUPPORTED_VARIABLES,
} from "./legacy-variables.js";
export {
  type LoadConnectorConfigOptions,
  loadConnectorConfig,
  type ResolvedConnectorConfig,
  resolveConnectorConfig,
} from "./load-connector-config.js";
export { isSecretSchema, secret } from "./secret.js";
