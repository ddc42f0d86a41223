import type { RabbitMqConnection } from "../api/types.js";

/** TLS material for AMQPS: PEM text, or a path to a PEM file (read when the connection opens). */
export interface AmqpTlsSettings {
  readonly ca?: string | undefined;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  /** Passphrase of `key` (secret). */
  readonly passphrase?: string | undefined;
  /** Verify the broker's certificate and host name. `false` (pycti's and the platform's default) skips it. */
  readonly rejectUnauthorized: boolean;
}

/** Where and how to connect to RabbitMQ, after the `MQ_*` overrides. */
export interface AmqpConnectionSettings {
  readonly host: string;
  readonly port: number;
  /** Raw vhost name (e.g. `/`); URL-encoded when connecting. */
  readonly vhost: string;
  readonly useSsl: boolean;
  readonly user: string;
  /** Secret: never logged, never put in an error. */
  readonly pass: string;
  readonly tls: AmqpTlsSettings;
}

/**
 * The `MQ_*` overrides (spec §2.2; the configuration's `mq` section has this shape). Unset fields keep the values
 * the platform returned at registration.
 */
export interface AmqpOverrides {
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly vhost?: string | undefined;
  readonly useSsl?: boolean | undefined;
  readonly user?: string | undefined;
  readonly pass?: string | undefined;
  readonly sslCa?: string | undefined;
  readonly sslCert?: string | undefined;
  readonly sslKey?: string | undefined;
  readonly sslPassphrase?: string | undefined;
  readonly sslRejectUnauthorized?: boolean | undefined;
}

/**
 * The broker settings to use: registration's `config.connection` (the platform's own broker credentials), each
 * field replaced by its `MQ_*` override when set, for example when the platform advertises a host name only
 * reachable inside Docker (spec §2.2, §6.3). Pure.
 */
export function resolveAmqpConnection(
  registration: RabbitMqConnection,
  overrides: AmqpOverrides = {},
): AmqpConnectionSettings {
  return {
    host: overrides.host ?? registration.host,
    port: overrides.port ?? registration.port,
    vhost: overrides.vhost ?? registration.vhost,
    useSsl: overrides.useSsl ?? registration.use_ssl,
    user: overrides.user ?? registration.user,
    pass: overrides.pass ?? registration.pass,
    tls: {
      ca: overrides.sslCa,
      cert: overrides.sslCert,
      key: overrides.sslKey,
      passphrase: overrides.sslPassphrase,
      rejectUnauthorized: overrides.sslRejectUnauthorized ?? false,
    },
  };
}

/** `amqp://host:port/<encoded vhost>` or `amqps://…`: where the connection goes, without credentials (for logs). */
export function describeAmqpEndpoint(settings: AmqpConnectionSettings): string {
  return `${settings.useSsl ? "amqps" : "amqp"}://${settings.host}:${settings.port}/${encodeURIComponent(settings.vhost)}`;
}
