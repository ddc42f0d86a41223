import type { RabbitMqConnection } from "../api/types.js";
import type { MqSettings } from "../config/connector-config.js";

/** Broker settings after the `MQ_*` overrides, what the AMQP transport connects with (spec §6.3). */
export interface BrokerConnection {
  host: string;
  port: number;
  vhost: string;
  useSsl: boolean;
  user: string;
  pass: string;
  /** PEM texts from `MQ_USE_SSL_CA`, `_CERT`, `_KEY`. */
  ca?: string;
  cert?: string;
  key?: string;
  passphrase?: string;
  /** Verify the broker's certificate (`MQ_USE_SSL_REJECT_UNAUTHORIZED`, default `false`). */
  rejectUnauthorized: boolean;
}

/**
 * Applies the `MQ_*` overrides to the broker settings returned at registration (spec §2.2, §4.1): the platform's
 * internal broker host is often unreachable from where the connector runs.
 */
export function resolveBrokerConnection(connection: RabbitMqConnection, mq: MqSettings): BrokerConnection {
  return {
    host: mq.host ?? connection.host,
    port: mq.port ?? connection.port,
    vhost: mq.vhost ?? connection.vhost,
    useSsl: mq.useSsl ?? connection.use_ssl,
    user: mq.user ?? connection.user,
    pass: mq.pass ?? connection.pass,
    ...(mq.sslCa === undefined ? {} : { ca: mq.sslCa }),
    ...(mq.sslCert === undefined ? {} : { cert: mq.sslCert }),
    ...(mq.sslKey === undefined ? {} : { key: mq.sslKey }),
    ...(mq.sslPassphrase === undefined ? {} : { passphrase: mq.sslPassphrase }),
    rejectUnauthorized: mq.sslRejectUnauthorized,
  };
}
