import type { RegisterConnectorInput, RegisteredConnector } from "../../src/api/types.js";

/** A connector id as operators configure it. */
export const CONNECTOR_ID = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
/** The connector user's id (`connector_user_id`). */
export const CONNECTOR_USER_ID = "88ec0c6a-13ce-5e39-b486-354fe4a7084f";
/** A token long and random enough to be found in captured output. */
export const TEST_TOKEN = "9c2e4f1a-7b3d-4e8f-a6c5-d0b1e2f3a4b5";

/** What `registerConnector` returns on a platform with the default queue prefix. */
export function registeredConnector(state: string | null = null): RegisteredConnector {
  return {
    id: CONNECTOR_ID,
    connector_state: state,
    config: {
      connection: {
        host: "rabbitmq",
        vhost: "/",
        use_ssl: false,
        port: 5672,
        user: "opencti",
        pass: "broker-pass-1234",
      },
      listen: `listen_${CONNECTOR_ID}`,
      listen_routing: `listen_routing_${CONNECTOR_ID}`,
      listen_exchange: "amqp.connector.exchange",
      push: `push_${CONNECTOR_ID}`,
      push_routing: `push_routing_${CONNECTOR_ID}`,
      push_exchange: "amqp.worker.exchange",
    },
    connector_user_id: CONNECTOR_USER_ID,
  };
}

/** A registration input (spec §4.2) for client tests. */
export const REGISTRATION_INPUT: RegisterConnectorInput = {
  id: CONNECTOR_ID,
  name: "Template",
  type: "EXTERNAL_IMPORT",
  scope: ["report"],
  auto: false,
  auto_update: false,
  enrichment_resolution: "none",
  only_contextual: false,
  playbook_compatible: false,
  listen_callback_uri: null,
};
