import { describe } from "vitest";
import { type BrokerAvailableOptions, brokerAvailable } from "./broker-available.js";

/**
 * vitest's `describe` for suites that need RabbitMQ, or `describe.skip` when {@link brokerAvailable} says the broker
 * does not answer (with its notice). With `REQUIRE_RABBITMQ=1` (CI) the suites always run, and fail without a broker.
 *
 * @example
 * ```ts
 * const describeBroker = await describeWithBroker();
 * describeBroker("the connector over RabbitMQ", () => {
 *   // startPlatform({ amqp: { url: LOCAL_AMQP_URL } }) in beforeAll, then the tests
 * });
 * ```
 */
export async function describeWithBroker(
  options: BrokerAvailableOptions = {},
): Promise<typeof describe | typeof describe.skip> {
  return (await brokerAvailable(options)) ? describe : describe.skip;
}
