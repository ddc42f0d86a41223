import { connect } from "node:net";
import { describe } from "vitest";

/** The RabbitMQ broker of the end-to-end tests (guest/guest on 127.0.0.1:5672). */
export const BROKER_URL = "amqp://guest:guest@127.0.0.1:5672";

function brokerAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: 5672 });
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
 * `describe` for the tests that need RabbitMQ: they run when the broker answers or when `REQUIRE_RABBITMQ=1` (CI,
 * where they then fail), and are skipped with a message otherwise.
 */
export async function describeWithBroker(): Promise<typeof describe | typeof describe.skip> {
  if (process.env.REQUIRE_RABBITMQ === "1" || (await brokerAnswers())) return describe;
  console.warn("RabbitMQ does not answer on 127.0.0.1:5672: end-to-end tests skipped (REQUIRE_RABBITMQ=1 fails them)");
  return describe.skip;
}
