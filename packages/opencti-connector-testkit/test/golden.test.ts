import { afterAll, beforeAll, describe, it } from "vitest";
import { sampleConnector } from "../src/demo/sample-connector.js";
import sample from "../src/demo/sample-sectors.json" with { type: "json" };
import { type Platform, startPlatform } from "../src/index.js";
import { expectToMatchGolden } from "../src/vitest/index.js";

const GOLDEN = "./fixtures/golden/sample-sectors.json";

describe("expectToMatchGolden", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform.stop());

  it("compares a bundle's sorted objects with a golden file", async () => {
    await expectToMatchGolden(sample, GOLDEN);
  });

  it("finds in the platform exactly what the connector sent (same golden file)", async () => {
    const connectorId = "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a";
    const env = {
      ...platform.env(),
      CONNECTOR_ID: connectorId,
      CONNECTOR_QUEUE_PROTOCOL: "api",
      CONNECTOR_LOG_LEVEL: "error",
    };
    await sampleConnector.run(env);
    await platform.waitForWork((w) => w.connectorId === connectorId && w.status === "complete");
    await expectToMatchGolden(platform, GOLDEN);
  });
});
