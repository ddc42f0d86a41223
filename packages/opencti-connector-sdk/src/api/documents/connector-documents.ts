/**
 * Documents of the connector lifecycle (spec §3.3), sent verbatim. Names, arguments, variables and types are
 * normative; each validates against the platform schema (see the contract test).
 */

/** `about.version`, used as health check and for the version check (§4.5). */
export const HEALTH_CHECK_DOCUMENT = `query healthCheck {
  about { version }
}`;

/** Registration (§4.2): creates or patches the connector, returns its broker settings, user and stored state. */
export const REGISTER_CONNECTOR_DOCUMENT = `mutation RegisterConnector($input: RegisterConnectorInput) {
  registerConnector(input: $input) {
    id
    connector_state
    config {
      connection { host vhost use_ssl port user pass }
      listen listen_routing listen_exchange push push_routing push_exchange
    }
    connector_user_id
  }
}`;

/** Ping (§4.3): the only writer of the connector state. */
export const PING_CONNECTOR_DOCUMENT = `mutation PingConnector($id: ID!, $state: String, $connectorInfo: ConnectorInfoInput) {
  pingConnector(id: $id, state: $state, connectorInfo: $connectorInfo) {
    id
    connector_state
    connector_info { run_and_terminate buffering queue_threshold queue_messages_size next_run_datetime last_run_datetime }
  }
}`;

/** The connector's details, including the push-queue size for the buffering check (§6.6). */
export const GET_CONNECTOR_DOCUMENT = `query GetConnector($id: String!) {
  connector(id: $id) {
    id name active auto only_contextual connector_type connector_scope connector_state
    connector_queue_details { messages_number messages_size }
    updated_at created_at
    config { listen listen_exchange push push_exchange push_routing }
    built_in
  }
}`;

/** Explicit unregistration (§4.6): deletes the connector, all its works and its queues. */
export const CONNECTOR_DELETION_DOCUMENT = `mutation ConnectorDeletionMutation($id: ID!) {
  deleteConnector(id: $id)
}`;

/** A live stream's details (stream connectors). */
export const STREAM_COLLECTION_DOCUMENT = `query StreamCollection($id: String!) {
  streamCollection(id: $id) { id name description stream_live stream_public }
}`;
