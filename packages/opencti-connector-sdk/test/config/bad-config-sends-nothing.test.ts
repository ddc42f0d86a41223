import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenCtiClient } from "../../src/api/opencti-client.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { defineConnectorConfig } from "../../src/config/define-connector-config.js";
import { resolveConnectorConfig } from "../../src/config/load-connector-config.js";
import { ConnectorHelper } from "../../src/helper/connector-helper.js";
import { formatFatalError } from "../../src/helper/format-fatal-error.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { type GraphQLServer, startGraphQLServer } from "../support/graphql-server.js";
import { TEST_TOKEN } from "../support/platform-fixtures.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The start-up order a connector runner follows: configuration, then client and helper, then `start()`. */
async function startConnector(env: NodeJS.ProcessEnv): Promise<string> {
  const definition = defineConnectorConfig({
    namespace: "template",
    schema: z.object({ api_key: z.string() }),
    connector: { type: "EXTERNAL_IMPORT", name: "Template", durationPeriod: "PT1H" },
  });
  try {
    const { config } = resolveConnectorConfig(definition, { env, cwd: "/nonexistent" });
    const clock = new FakeClock();
    const logger = createMemoryLogger();
    const api = createOpenCtiClient({ url: config.opencti.url, token: config.opencti.token, clock, logger });
    await new ConnectorHelper({ config, api, logger, clock }).start();
    return "started";
  } catch (error) {
    return formatFatalError(error);
  }
}

describe("start-up with a bad configuration", () => {
  it("reports every problem at once and sends nothing to the platform", async () => {
    server = await startGraphQLServer({ token: TEST_TOKEN });
    const message = await startConnector({
      OPENCTI_URL: server.url,
      OPENCTI_TOKEN: TEST_TOKEN,
      CONNECTOR_ID: "not-a-uuid",
      CONNECTOR_LOG_LEVEL: "loud",
      CONNECTOR_DURATION_PERIOD: "hourly",
    });
    expect(message.split("\n")).toEqual([
      "Invalid connector configuration (4 problems):",
      '  - CONNECTOR_ID / YAML connector.id: expected a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695, got "not-a-uuid"',
      '  - CONNECTOR_LOG_LEVEL / YAML connector.log_level: expected one of "debug", "info", "warn", "warning", "error", got "loud"',
      '  - CONNECTOR_DURATION_PERIOD / YAML connector.duration_period: expected an ISO-8601 duration such as PT1H, P1D or P30D, got "hourly"',
      "  - TEMPLATE_API_KEY / YAML template.api_key: expected a string, not set",
    ]);
    expect(message).not.toContain(TEST_TOKEN);
    expect(server.calls).toEqual([]);
  });
});
