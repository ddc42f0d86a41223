import { connect } from "node:net";
import { resolveAmqpConnection } from "../broker/amqp-settings.js";

/** The local RabbitMQ of tests and demos: `127.0.0.1:5672`, `guest`/`guest`, vhost `/`. */
export const LOCAL_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672";

/** Options of {@link brokerAvailable} and `describeWithBroker`; every one is optional. */
export interface BrokerAvailableOptions {
  /** The broker to try. Default {@link LOCAL_AMQP_URL}. */
  url?: string;
  /** How long to wait for the TCP connection. Default 2 000 ms. */
  timeoutMs?: number;
  /** Where `REQUIRE_RABBITMQ` is read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the skip notice goes. Default `console.warn`. */
  warn?: (message: string) => void;
}

function answers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Whether tests that need RabbitMQ should run: true when the broker accepts a TCP connection, and always when
 * `REQUIRE_RABBITMQ=1` (CI), so that there a missing broker fails those tests instead of skipping them. Otherwise
 * false, after a notice naming the broker (never its password) and the variable.
 *
 * @example
 * ```ts
 * const withBroker = await brokerAvailable();
 * it.runIf(withBroker)("delivers through RabbitMQ", async () => {
 *   const platform = await startPlatform({ amqp: { url: LOCAL_AMQP_URL } });
 *   // ...
 * });
 * ```
 */
export async function brokerAvailable(options: BrokerAvailableOptions = {}): Promise<boolean> {
  const connection = resolveAmqpConnection({ url: options.url ?? LOCAL_AMQP_URL });
  if (typeof connection === "string") throw new TypeError(`brokerAvailable: the broker URL ${connection}`);
  if ((options.env ?? process.env).REQUIRE_RABBITMQ === "1") return true;
  if (await answers(connection.host, connection.port, options.timeoutMs ?? 2_000)) return true;
  const warn = options.warn ?? console.warn;
  warn(
    `RabbitMQ does not answer on ${connection.host}:${connection.port}: the tests that need it are skipped (REQUIRE_RABBITMQ=1 makes them fail)`,
  );
  return false;
}
