import { connect } from "node:net";

/** The broker of the end-to-end tests: RabbitMQ on 127.0.0.1:5672 with guest/guest. */
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
 * Whether the RabbitMQ tests run: when the broker answers, or when `REQUIRE_RABBITMQ=1` (CI), where a missing
 * broker then fails them. Otherwise they are skipped with a message.
 */
export async function brokerAvailable(): Promise<boolean> {
  if (process.env.REQUIRE_RABBITMQ === "1" || (await answers("127.0.0.1", 5672))) return true;
  console.warn("RabbitMQ does not answer on 127.0.0.1:5672: broker tests skipped (REQUIRE_RABBITMQ=1 makes them fail)");
  return false;
}
