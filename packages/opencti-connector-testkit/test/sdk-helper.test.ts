import {
  ConnectorHelper,
  createMemoryLogger,
  createOpenCtiClient,
  defineConnectorConfig,
  loadConnectorConfig,
  StateResetError,
  type StateResetEvent,
} from "@org/opencti-connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Platform, startPlatform } from "../src/index.js";

const CONNECTOR_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const definition = defineConnectorConfig({
  namespace: "sectors",
  schema: z.object({}),
  connector: { type: "EXTERNAL_IMPORT", name: "Helper test", scope: ["identity"], durationPeriod: "PT1H" },
});

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.stop());

/** A helper configured only from the environment, as a connector is; its loop never ticks during a test. */
function newHelper() {
  const config = loadConnectorConfig(definition, {
    env: { OPENCTI_URL: platform.url, OPENCTI_TOKEN: platform.token, CONNECTOR_ID },
    cwd: "/nonexistent",
  });
  const logger = createMemoryLogger("Helper test");
  const api = createOpenCtiClient({ url: config.opencti.url, token: config.opencti.token, logger });
  return { helper: new ConnectorHelper({ config, api, logger, pingIntervalMs: 3_600_000 }), logger };
}

describe("the SDK's ConnectorHelper against the emulator", () => {
  it("registers with the configured identity and pings at once", async () => {
    const { helper } = newHelper();
    const registration = await helper.start();
    expect(registration.id).toBe(CONNECTOR_ID);
    expect(platform.connector(CONNECTOR_ID)).toMatchObject({
      name: "Helper test",
      type: "EXTERNAL_IMPORT",
      scope: ["identity"],
      registrations: 1,
      pings: 1,
      state: "null",
    });
    await helper.checkpoint({ last_run: "2026-05-01T08:00:00.000Z" });
    expect(platform.state(CONNECTOR_ID)).toEqual({ last_run: "2026-05-01T08:00:00.000Z" });
    await helper.stop();
    expect(platform.connector(CONNECTOR_ID)?.pings).toBe(3);
  });

  it("gets the stored state back at the next registration", async () => {
    const { helper } = newHelper();
    await helper.start();
    expect(helper.getState()).toEqual({ last_run: "2026-05-01T08:00:00.000Z" });
    expect(platform.connector(CONNECTOR_ID)?.registrations).toBe(2);
    await helper.stop();
  });

  it("adopts a reset made on the platform and refuses a checkpoint derived from the old state", async () => {
    const { helper } = newHelper();
    await helper.start();
    const resets: StateResetEvent[] = [];
    helper.onStateReset((event) => resets.push(event));
    const generation = helper.stateGeneration;
    await platform.resetState(CONNECTOR_ID);
    await helper.forcePing();
    expect(resets).toEqual([{ state: null, generation: generation + 1 }]);
    expect(helper.getState()).toBeNull();
    const refused = await helper.checkpoint({ last_run: "stale" }, { generation }).catch((e: unknown) => e);
    expect(StateResetError.isInstance(refused)).toBe(true);
    await helper.checkpoint({ last_run: "2026-05-02T08:00:00.000Z" });
    expect(platform.state(CONNECTOR_ID)).toEqual({ last_run: "2026-05-02T08:00:00.000Z" });
    await helper.stop();
  });
});
