/** The queue, exchange and routing names the platform gives a connector (`ConnectorConfig`). */
export interface ConnectorQueueNames {
  push: string;
  push_routing: string;
  push_exchange: string;
  listen: string;
  listen_routing: string;
  listen_exchange: string;
  dead_letter_routing: string;
}

/** The platform's `rabbitmq:queue_prefix`, rendered `<prefix>_` (empty without a prefix). */
export function renderPrefix(queuePrefix: string | undefined): string {
  return queuePrefix ? `${queuePrefix}_` : "";
}

/** The platform's exchanges, with the prefix. */
export function exchangeNames(queuePrefix: string | undefined): { connector: string; worker: string } {
  const prefix = renderPrefix(queuePrefix);
  return { connector: `${prefix}amqp.connector.exchange`, worker: `${prefix}amqp.worker.exchange` };
}

/** Names exactly as the platform builds them for `connectorId` (spec §4.2). */
export function connectorQueueNames(connectorId: string, queuePrefix: string | undefined): ConnectorQueueNames {
  const prefix = renderPrefix(queuePrefix);
  const exchanges = exchangeNames(queuePrefix);
  return {
    push: `${prefix}push_${connectorId}`,
    push_routing: `${prefix}push_routing_${connectorId}`,
    push_exchange: exchanges.worker,
    listen: `${prefix}listen_${connectorId}`,
    listen_routing: `${prefix}listen_routing_${connectorId}`,
    listen_exchange: exchanges.connector,
    dead_letter_routing: `${prefix}listen_routing_too-large-bundle`,
  };
}
