import { describe, expect, it } from "vitest";
import type { ConnectorDetails } from "../api/types.js";
import { createMemoryLogger } from "../logging/logger.js";
import { checkQueueThreshold, queueCheckInfo, queueSizeMb } from "./queue-threshold.js";

const details = (messagesSize: number): ConnectorDetails => ({
  id: "conn-1",
  name: "feed",
  active: true,
  connector_type: "EXTERNAL_IMPORT",
  connector_scope: null,
  connector_state: null,
  connector_queue_details: { messages_number: 42, messages_size: messagesSize },
});

describe("checkQueueThreshold", () => {
  it("converts bytes to decimal MB and is over at or above the threshold", async () => {
    const logger = createMemoryLogger();
    const check = (size: number) =>
      checkQueueThreshold({
        api: { getConnector: async () => details(size) },
        connectorId: "conn-1",
        thresholdMb: 500,
        logger,
      });
    expect(queueSizeMb(1_500_000)).toBe(1.5);
    expect(await check(499_999_999)).toEqual({
      status: "below",
      buffering: false,
      sizeMb: 499.999999,
      messages: 42,
      thresholdMb: 500,
    });
    expect(await check(500_000_000)).toMatchObject({ status: "over", buffering: true, sizeMb: 500 });
    expect(logger.entries[0]).toEqual({
      level: "debug",
      name: "test",
      message: "Connector queue details",
      attributes: {
        connector_queue_id: "conn-1",
        queue_threshold: 500,
        messages_number: 42,
        queue_messages_size: 499.999999,
      },
    });
  });

  it("reports unknown with a warning when getConnector fails or finds nothing", async () => {
    const logger = createMemoryLogger();
    const failure = new Error("Access denied");
    const failed = await checkQueueThreshold({
      api: {
        getConnector: async () => {
          throw failure;
        },
      },
      connectorId: "c",
      thresholdMb: 500,
      logger,
    });
    expect(failed).toEqual({ status: "unknown", buffering: false, thresholdMb: 500, error: failure });
    const missing = await checkQueueThreshold({
      api: { getConnector: async () => null },
      connectorId: "c",
      thresholdMb: 500,
      logger,
    });
    expect(missing).toMatchObject({ status: "unknown", error: new Error("Connector c not found on the platform") });
    expect(logger.entries.map((e) => [e.level, e.attributes.error])).toEqual([
      ["warn", failure],
      ["warn", new Error("Connector c not found on the platform")],
    ]);
  });
});

describe("queueCheckInfo", () => {
  it("reports the size only when it was measured", () => {
    expect(queueCheckInfo({ status: "over", buffering: true, sizeMb: 700, messages: 1, thresholdMb: 500 })).toEqual({
      buffering: true,
      queue_threshold: 500,
      queue_messages_size: 700,
    });
    expect(queueCheckInfo({ status: "unknown", buffering: false, thresholdMb: 500, error: null })).toEqual({
      buffering: false,
      queue_threshold: 500,
    });
  });
});
