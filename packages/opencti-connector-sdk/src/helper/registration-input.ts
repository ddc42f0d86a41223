import type { RegisterConnectorInput } from "../api/types.js";
import type { BaseConnectorConfig } from "../config/connector-config.js";

/**
 * The `RegisterConnector` input of spec §4.2, from the configuration. `listen_callback_uri` is
 * `<CONNECTOR_LISTEN_PROTOCOL_API_URI><CONNECTOR_LISTEN_PROTOCOL_API_PATH>` for internal and stream connectors
 * listening over `API`, otherwise `null`.
 */
export function buildRegistrationInput(
  config: BaseConnectorConfig,
  options: { playbookCompatible?: boolean } = {},
): RegisterConnectorInput {
  const { connector } = config;
  const listensOverApi = connector.type !== "EXTERNAL_IMPORT" && connector.listenProtocol === "API";
  return {
    id: connector.id,
    name: connector.name,
    type: connector.type,
    scope: [...connector.scope],
    auto: connector.auto,
    auto_update: connector.autoUpdate,
    enrichment_resolution: connector.enrichmentResolution,
    only_contextual: connector.onlyContextual,
    playbook_compatible: options.playbookCompatible ?? false,
    listen_callback_uri: listensOverApi
      ? `${connector.listenProtocolApiUri.replace(/\/+$/, "")}${connector.listenProtocolApiPath}`
      : null,
  };
}
