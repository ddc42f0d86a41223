import { connect } from "node:net";
import { describe } from "vitest";

/** The broker the integration tests use (spec: RabbitMQ on 127.0.0.1:5672, guest/guest). */
export const BROKER_URL = "amqp://guest:guest@127.0.0.1:5672";

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `describe` for tests that need RabbitMQ: runs them when the broker answers or when `REQUIRE_RABBITMQ=1` (CI,
 * where they then fail), skips them with a message otherwise.
 */
export async function describeWithBroker(): Promise<typeof describe | typeof describe.skip> {
  if (process.env.REQUIRE_RABBITMQ === "1" || (await answers("127.0.0.1", 5672))) return describe;
  console.warn("RabbitMQ does not answer on 127.0.0.1:5672: broker tests skipped (REQUIRE_RABBITMQ=1 makes them fail)");
  return describe.skip;
}

/** A name no other test uses (queue prefixes, connector ids). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
