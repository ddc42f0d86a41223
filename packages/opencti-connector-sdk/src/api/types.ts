/**
 * Typed shapes of the OpenCTI GraphQL operations a connector uses (spec §3.3). Field names are the platform's
 * wire names, so a value can be compared with what the platform stores.
 */

/** The platform's connector types (`ConnectorType` enum). */
export type ConnectorType =
  | "EXTERNAL_IMPORT"
  | "INTERNAL_IMPORT_FILE"
  | "INTERNAL_ENRICHMENT"
  | "INTERNAL_ANALYSIS"
  | "INTERNAL_EXPORT_FILE"
  | "STREAM";

/** Variables of `RegisterConnector` (`RegisterConnectorInput`). */
export interface RegisterConnectorInput {
  id: string;
  name: string;
  type: ConnectorType;
  scope: string[];
  auto: boolean;
  auto_update: boolean;
  enrichment_resolution: string;
  only_contextual: boolean;
  playbook_compatible: boolean;
  listen_callback_uri: string | null;
}

/** The platform's broker credentials (`RabbitMQConnection`). */
export interface RabbitMqConnection {
  host: string;
  vhost: string;
  use_ssl: boolean;
  port: number;
  user: string;
  pass: string;
}

/** Result of `RegisterConnector`. */
export interface RegisteredConnector {
  id: string;
  connector_state: string | null;
  config: {
    connection: RabbitMqConnection;
    listen: string;
    listen_routing: string;
    listen_exchange: string;
    push: string;
    push_routing: string;
    push_exchange: string;
  };
  /** The token's user; becomes the `applicant_id` of every AMQP message. */
  connector_user_id: string | null;
}

/** `ConnectorInfoInput`: what a ping reports about the scheduler. */
export interface ConnectorInfoInput {
  run_and_terminate: boolean;
  buffering: boolean;
  /** MB (1 000 000 bytes). */
  queue_threshold: number;
  /** MB (1 000 000 bytes). */
  queue_messages_size: number;
  next_run_datetime: string | null;
  last_run_datetime: string | null;
}

/** Result of `PingConnector`. */
export interface PingConnectorResult {
  id: string;
  connector_state: string | null;
  connector_info: ConnectorInfoInput | null;
}

/** Result of `GetConnector` (the fields a connector reads). */
export interface ConnectorDetails {
  id: string;
  name: string;
  active: boolean | null;
  connector_type: string | null;
  connector_scope: string[] | null;
  connector_state: string | null;
  connector_queue_details: { messages_number: number; messages_size: number };
}

/** `WorkErrorInput`. */
export interface WorkErrorInput {
  error?: string;
  source?: string;
}

/** Result of `WorkQuery` (diagnostics and tests). */
export interface WorkDetails {
  id: string;
  name: string | null;
  status: "wait" | "progress" | "complete" | "timeout" | null;
  received_time: string | null;
  processed_time: string | null;
  completed_time: string | null;
  tracking: { import_expected_number: number | null; import_processed_number: number | null } | null;
  messages: { timestamp: string | null; message: string | null; sequence: number | null; source: string | null }[];
  errors: { timestamp: string | null; message: string | null; sequence: number | null; source: string | null }[];
}

/** A file for `uploadPending`. */
export interface PendingFile {
  /** File name, e.g. `<work id>.json`. */
  name: string;
  content: string | Uint8Array;
  /** Default `application/json`. */
  mimeType?: string;
}

/**
 * Every OpenCTI operation a connector sends. The SDK's GraphQL client implements it; parts of the SDK depend on
 * this interface (or a `Pick` of it) so they can be tested with an in-memory double.
 */
export interface OpenCtiApi {
  /** `healthCheck`: the platform version. */
  about(): Promise<{ version: string }>;
  registerConnector(input: RegisterConnectorInput): Promise<RegisteredConnector>;
  pingConnector(id: string, state: string | null, connectorInfo: ConnectorInfoInput): Promise<PingConnectorResult>;
  getConnector(id: string): Promise<ConnectorDetails | null>;
  /** Opens a work; returns its id. */
  workAdd(connectorId: string, friendlyName: string): Promise<string>;
  workToReceived(workId: string, message: string): Promise<void>;
  workToProcessed(workId: string, message: string, inError: boolean): Promise<void>;
  addExpectations(workId: string, expectations: number): Promise<void>;
  reportExpectation(workId: string, error?: WorkErrorInput): Promise<void>;
  pingWork(workId: string): Promise<void>;
  deleteWork(workId: string): Promise<void>;
  work(workId: string): Promise<WorkDetails | null>;
  isWorkAlive(workId: string): Promise<boolean>;
  stixBundlePush(connectorId: string, bundle: string, workId: string | null): Promise<boolean>;
  /**
   * `UploadPending`: uploads a file to the workbench (Data > Import), as a GraphQL multipart request; validation
   * mode sends bundles this way (spec §6.4). Resolves with the stored file's id and name.
   */
  uploadPending(
    file: PendingFile,
    options?: { entityId?: string; fileMarkings?: string[] },
  ): Promise<{ id: string; name: string }>;
  deleteConnector(id: string): Promise<void>;
}
