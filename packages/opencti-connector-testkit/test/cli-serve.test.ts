import { describe, expect, it } from "vitest";
import { serve } from "../src/cli/serve.js";
import { describeWithBroker, LOCAL_AMQP_URL } from "../src/vitest/index.js";
import { post } from "./support/graphql.js";

const describeBroker = await describeWithBroker();

describe("opencti-testkit serve", () => {
  it("prints the URL and token to give a connector, and serves them", async () => {
    const lines: string[] = [];
    const platform = await serve(
      {
        command: "serve",
        port: 0,
        host: "127.0.0.1",
        token: "demo-token",
        amqp: undefined,
        queuePrefix: undefined,
        version: "6.8.10",
        schemaPath: undefined,
      },
      (line) => lines.push(line),
    );
    try {
      expect(lines).toEqual([
        `OpenCTI testkit platform emulator listening on ${platform.url}`,
        "Give your connector:",
        `  OPENCTI_URL=${platform.url}`,
        "  OPENCTI_TOKEN=demo-token",
        "No broker: set CONNECTOR_QUEUE_PROTOCOL=api (bundles go through stixBundlePush); --amqp adds RabbitMQ",
        `Page: ${platform.url}/ (connectors, works, ingested objects)`,
        "Press Ctrl-C to stop.",
      ]);
      expect((await post(platform, { query: "{ about { version } }" })).body).toEqual({
        data: { about: { version: "6.8.10" } },
      });
      expect((await fetch(`${platform.url}/`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
    } finally {
      await platform.stop();
    }
  });
});

describeBroker("opencti-testkit serve --amqp", () => {
  it("names the broker without its password", async () => {
    const lines: string[] = [];
    const platform = await serve(
      {
        command: "serve",
        port: 0,
        host: "127.0.0.1",
        token: undefined,
        amqp: LOCAL_AMQP_URL,
        queuePrefix: undefined,
        version: undefined,
        schemaPath: undefined,
      },
      (line) => lines.push(line),
    );
    await platform.stop();
    expect(lines[4]).toBe(
      "Broker: amqp://guest:***@127.0.0.1:5672/%2F (handed out at registration; the worker consumes the push queues)",
    );
    expect(lines[3]).toMatch(/^ {2}OPENCTI_TOKEN=[0-9a-f-]{36}$/);
  });
});
