import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { brokerAvailable } from "./broker-available.js";
import { describeWithBroker } from "./describe-with-broker.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A port something listens on (`open`), or one nothing listens on any more. */
async function port(open: boolean): Promise<number> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: chosen } = server.address() as AddressInfo;
  if (open) servers.push(server);
  else await new Promise((resolve) => server.close(resolve));
  return chosen;
}

function probe(url: string, env: Record<string, string> = {}) {
  const warnings: string[] = [];
  return brokerAvailable({ url, env, warn: (message) => warnings.push(message) }).then((up) => ({ up, warnings }));
}

describe("brokerAvailable", () => {
  it("is true, silently, when the broker accepts a connection", async () => {
    expect(await probe(`amqp://guest:guest@127.0.0.1:${await port(true)}`)).toEqual({ up: true, warnings: [] });
  });

  it("is false when nothing answers, with a notice naming the broker but not its password", async () => {
    const closed = await port(false);
    expect(await probe(`amqp://user:s3cret@127.0.0.1:${closed}/vh`)).toEqual({
      up: false,
      warnings: [
        `RabbitMQ does not answer on 127.0.0.1:${closed}: the tests that need it are skipped (REQUIRE_RABBITMQ=1 makes them fail)`,
      ],
    });
  });

  it("is true when REQUIRE_RABBITMQ=1, so that the tests run and fail without a broker", async () => {
    const closed = await port(false);
    expect(await probe(`amqp://127.0.0.1:${closed}`, { REQUIRE_RABBITMQ: "1" })).toEqual({ up: true, warnings: [] });
  });

  it("refuses a URL that is not an AMQP URL", async () => {
    await expect(brokerAvailable({ url: "http://127.0.0.1:5672" })).rejects.toThrow(
      "brokerAvailable: the broker URL has protocol http:; expected amqp: or amqps:",
    );
  });
});

describe("describeWithBroker", () => {
  it("is vitest's describe when the broker answers", async () => {
    const url = `amqp://127.0.0.1:${await port(true)}`;
    expect(await describeWithBroker({ url, env: {}, warn: () => undefined })).toBe(describe);
  });
});

// Registered with what describeWithBroker gives for a broker that does not answer: the suite must be skipped.
const skipping = await describeWithBroker({ url: `amqp://127.0.0.1:${await port(false)}`, env: {}, warn: () => {} });
skipping("a suite that needs a broker that does not answer", () => {
  it("is skipped", () => {
    throw new Error("ran although the broker does not answer");
  });
});
