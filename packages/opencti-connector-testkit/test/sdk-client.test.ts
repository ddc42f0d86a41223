import { OpenCTIAuthError, OpenCTIGraphQLError, type OpenCtiClient, SDK_USER_AGENT } from "@org/opencti-connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACME, registerInput, sdkClient, usePlatform } from "./support/platform-fixture.js";

const CONNECTOR_ID = "2f6e8d4c-1b3a-4c5d-9e7f-8a0b1c2d3e4f";
const INPUT = registerInput(CONNECTOR_ID, "SDK client test");
const INFO = {
  run_and_terminate: true,
  buffering: false,
  queue_threshold: 500,
  queue_messages_size: 0,
  next_run_datetime: null,
  last_run_datetime: "2026-05-01T08:00:00Z",
};

const fixture = usePlatform({ version: "6.9.17" });
let api: OpenCtiClient;
beforeAll(() => {
  api = sdkClient(fixture.platform);
});
afterAll(() => api.close());

describe("the SDK's OpenCTI client against the emulator over HTTP", () => {
  it("reads the version, registers, pings with state and reads the connector back", async () => {
    expect(await api.about()).toEqual({ version: "6.9.17" });
    const registered = await api.registerConnector(INPUT);
    expect(registered).toMatchObject({
      id: CONNECTOR_ID,
      connector_state: null,
      connector_user_id: fixture.platform.connector(CONNECTOR_ID)?.userId,
    });
    const pinged = await api.pingConnector(CONNECTOR_ID, '{"last_run":"2026-05-01T08:00:00Z"}', INFO);
    expect(pinged).toEqual({
      id: CONNECTOR_ID,
      connector_state: '{"last_run":"2026-05-01T08:00:00Z"}',
      connector_info: INFO,
    });
    expect(await api.getConnector(CONNECTOR_ID)).toMatchObject({
      id: CONNECTOR_ID,
      name: "SDK client test",
      connector_type: "EXTERNAL_IMPORT",
      connector_scope: ["identity"],
      connector_queue_details: { messages_number: 0, messages_size: 0 },
    });
    expect(fixture.platform.state(CONNECTOR_ID)).toEqual({ last_run: "2026-05-01T08:00:00Z" });
    expect(fixture.platform.calls().map((c) => [c.operationName, c.userAgent, c.status])).toEqual([
      ["healthCheck", SDK_USER_AGENT, 200],
      ["RegisterConnector", SDK_USER_AGENT, 200],
      ["PingConnector", SDK_USER_AGENT, 200],
      ["GetConnector", SDK_USER_AGENT, 200],
    ]);
  });

  it("runs a work through stixBundlePush with the SDK's expectation rule (one object, explicit work: +1)", async () => {
    const workId = await api.workAdd(CONNECTOR_ID, "SDK client test run @ 2026-05-01T08:00:00.000Z");
    await api.addExpectations(workId, 1);
    expect(
      await api.stixBundlePush(
        CONNECTOR_ID,
        JSON.stringify({ type: "bundle", id: "bundle--1", objects: [ACME] }),
        workId,
      ),
    ).toBe(true);
    await api.workToProcessed(workId, "Connector run done", false);
    await fixture.platform.waitForWork(workId);
    const details = await api.work(workId);
    expect(details).toMatchObject({
      id: workId,
      status: "complete",
      tracking: { import_expected_number: 1, import_processed_number: 1 },
      messages: [{ message: "Connector run done" }],
      errors: [],
    });
    expect(await api.isWorkAlive(workId)).toBe(true);
    await api.deleteWork(workId);
    expect(await api.isWorkAlive(workId)).toBe(false);
    expect(fixture.platform.objects()).toEqual([ACME]);
  });

  it("surfaces the platform's errors as the SDK's typed errors", async () => {
    const error = await api.pingConnector("unknown", null, INFO).catch((e: unknown) => e);
    expect(OpenCTIGraphQLError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "FUNCTIONAL_ERROR", isRetryable: false });

    const stranger = sdkClient(fixture.platform, "wrong");
    const denied = await stranger.registerConnector(INPUT).catch((e: unknown) => e);
    await stranger.close();
    expect(OpenCTIAuthError.isInstance(denied)).toBe(true);
  });

  it("unregisters: the connector, its works and queues are gone", async () => {
    await api.deleteConnector(CONNECTOR_ID);
    expect(fixture.platform.connector(CONNECTOR_ID)).toBeUndefined();
    expect(await api.getConnector(CONNECTOR_ID)).toBeNull();
  });
});
