export {
  ADD_DRAFT_CONTEXT_DOCUMENT,
  ADD_EXPECTATIONS_DOCUMENT,
  CONNECTOR_DELETION_DOCUMENT,
  DELETE_WORK_DOCUMENT,
  DRAFT_WORKSPACE_ADD_DOCUMENT,
  GET_CONNECTOR_DOCUMENT,
  HEALTH_CHECK_DOCUMENT,
  OPENCTI_DOCUMENTS,
  type OpenCtiOperationName,
  PING_CONNECTOR_DOCUMENT,
  PING_WORK_DOCUMENT,
  PLAYBOOK_STEP_EXECUTION_DOCUMENT,
  REGISTER_CONNECTOR_DOCUMENT,
  REPORT_EXPECTATION_DOCUMENT,
  STIX_BUNDLE_PUSH_DOCUMENT,
  STREAM_COLLECTION_DOCUMENT,
  UPLOAD_PENDING_DOCUMENT,
  WORK_ADD_DOCUMENT,
  WORK_ALIVE_DOCUMENT,
  WORK_QUERY_DOCUMENT,
  WORK_TO_PROCESSED_DOCUMENT,
  WORK_TO_RECEIVED_DOCUMENT,
} from "./documents/index.js";
export { createOpenCtiClient } from "./opencti-client.js";
export type {
  OpenCtiClient,
  OpenCtiClientOptions,
  PlaybookStepExecutionInput,
  StreamCollectionDetails,
} from "./opencti-client-types.js";
export { OPERATION_POLICIES, type OperationPolicy } from "./operation-policies.js";
export { OPENCTI_CONNECTOR_SCHEMA_SDL } from "./schema/opencti-connector-schema.js";
export { SDK_USER_AGENT, SDK_VERSION } from "./sdk-version.js";
export type {
  ConnectorDetails,
  ConnectorInfoInput,
  ConnectorType,
  OpenCtiApi,
  PendingFile,
  PingConnectorResult,
  RabbitMqConnection,
  RegisterConnectorInput,
  RegisteredConnector,
  WorkDetails,
  WorkErrorInput,
} from "./types.js";
