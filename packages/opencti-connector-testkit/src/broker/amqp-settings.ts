import type { RabbitMqConnection } from "@org/opencti-connector-sdk";
import { z } from "zod";

/** The broker the emulator uses, as given to `startPlatform({ amqp })` or `--amqp`. */
export type AmqpOptions =
  | { url: string }
  | { host: string; port?: number; user?: string; pass?: string; vhost?: string; useSsl?: boolean };

/** `RabbitMQConnection` as `registerConnector` returns it: the settings a connector uses to publish. */
export type { RabbitMqConnection };

const urlSchema = z.object({ url: z.string().min(1) }).strict();
const partsSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).optional(),
    user: z.string().optional(),
    pass: z.string().optional(),
    vhost: z.string().optional(),
    useSsl: z.boolean().optional(),
  })
  .strict();

/**
 * Normalises the broker option to the platform's connection settings, or returns a message naming the problem
 * (never the password). Defaults: port 5672 (5671 with TLS), `guest`/`guest`, vhost `/`.
 */
export function resolveAmqpConnection(options: unknown): RabbitMqConnection | string {
  const asUrl = urlSchema.safeParse(options);
  if (asUrl.success) return fromUrl(asUrl.data.url);
  const asParts = partsSchema.safeParse(options);
  if (!asParts.success) {
    return "expected { url: 'amqp://user:pass@host:5672/vhost' } or { host, port?, user?, pass?, vhost?, useSsl? }";
  }
  const parts = asParts.data;
  const useSsl = parts.useSsl ?? false;
  return {
    host: parts.host,
    port: parts.port ?? (useSsl ? 5671 : 5672),
    user: parts.user ?? "guest",
    pass: parts.pass ?? "guest",
    vhost: parts.vhost ?? "/",
    use_ssl: useSsl,
  };
}

function fromUrl(raw: string): RabbitMqConnection | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL; expected amqp://user:pass@host:5672/vhost";
  }
  if (url.protocol !== "amqp:" && url.protocol !== "amqps:") {
    return `has protocol ${url.protocol}; expected amqp: or amqps:`;
  }
  if (url.hostname === "") return "has no host; expected amqp://user:pass@host:5672/vhost";
  const useSsl = url.protocol === "amqps:";
  const path = url.pathname.replace(/^\//, "");
  return {
    host: url.hostname,
    port: url.port === "" ? (useSsl ? 5671 : 5672) : Number(url.port),
    user: url.username === "" ? "guest" : decodeURIComponent(url.username),
    pass: url.password === "" ? "guest" : decodeURIComponent(url.password),
    vhost: path === "" ? "/" : decodeURIComponent(path),
    use_ssl: useSsl,
  };
}

/** The amqplib URL for the settings (vhost URL-encoded, `/` → `%2F`). */
export function amqpUrl(connection: RabbitMqConnection): string {
  const scheme = connection.use_ssl ? "amqps" : "amqp";
  const auth = `${encodeURIComponent(connection.user)}:${encodeURIComponent(connection.pass)}`;
  return `${scheme}://${auth}@${connection.host}:${connection.port}/${encodeURIComponent(connection.vhost)}`;
}

/** The settings as a URL without the password, for logs and the CLI banner. */
export function redactedAmqpUrl(connection: RabbitMqConnection): string {
  const scheme = connection.use_ssl ? "amqps" : "amqp";
  return `${scheme}://${encodeURIComponent(connection.user)}:***@${connection.host}:${connection.port}/${encodeURIComponent(connection.vhost)}`;
}
