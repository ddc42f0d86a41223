import { describe, expect, it } from "vitest";
import { connectorQueueNames, exchangeNames } from "./queue-names.js";

const ID = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";

describe("connectorQueueNames", () => {
  it("builds the platform's names", () => {
    expect(connectorQueueNames(ID, undefined)).toEqual({
      push: `push_${ID}`,
      push_routing: `push_routing_${ID}`,
      push_exchange: "amqp.worker.exchange",
      listen: `listen_${ID}`,
      listen_routing: `listen_routing_${ID}`,
      listen_exchange: "amqp.connector.exchange",
      dead_letter_routing: "listen_routing_too-large-bundle",
    });
  });

  it("renders a prefix as <prefix>_ on queues, routing keys and exchanges", () => {
    expect(connectorQueueNames(ID, "octi")).toMatchObject({
      push: `octi_push_${ID}`,
      push_routing: `octi_push_routing_${ID}`,
      push_exchange: "octi_amqp.worker.exchange",
      listen_exchange: "octi_amqp.connector.exchange",
    });
    expect(exchangeNames("octi")).toEqual({
      connector: "octi_amqp.connector.exchange",
      worker: "octi_amqp.worker.exchange",
    });
  });
});
