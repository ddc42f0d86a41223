import { describe, expect, it } from "vitest";
import type { ConnectorDetails, ConnectorInfoInput } from "../api/types.js";
import { FakeClock } from "../clock/fake-clock.js";
import { createMemoryLogger } from "../logging/logger.js";
import { BufferingGate } from "./buffering-gate.js";

function gateWith(sizesMb: number[], options: { minCheckIntervalMs?: number } = {}) {
  const clock = new FakeClock(0);
  const logger = createMemoryLogger();
  const info: Partial<ConnectorInfoInput>[] = [];
  let checks = 0;
  const gate = new BufferingGate({
    api: {
      getConnector: async (id): Promise<ConnectorDetails> => {
        const size = sizesMb[Math.min(checks++, sizesMb.length - 1)] ?? 0;
        return {
          id,
          name: "feed",
          active: true,
          connector_type: null,
          connector_scope: null,
          connector_state: null,
          connector_queue_details: { messages_number: 1, messages_size: size * 1_000_000 },
        };
      },
    },
    connectorId: "c",
    thresholdMb: 500,
    clock,
    logger,
    pollIntervalMs: 30_000,
    onInfo: (partial) => info.push(partial),
    ...options,
  });
  return { gate, clock, logger, info, checks: () => checks };
}

describe("BufferingGate", () => {
  it("passes at once while below the threshold", async () => {
    const { gate, info } = gateWith([100]);
    expect(await gate.waitUntilBelow()).toEqual({ pausedMs: 0 });
    expect(info).toEqual([{ buffering: false, queue_threshold: 500, queue_messages_size: 100 }]);
  });

  it("pauses publication while over the threshold, polling until it drops", async () => {
    const { gate, clock, logger, info, checks } = gateWith([800, 600, 200]);
    let resumed: { pausedMs: number } | undefined;
    void gate.waitUntilBelow().then((r) => {
      resumed = r;
    });
    await clock.advance(30_000);
    expect(resumed).toBeUndefined();
    expect(checks()).toBe(2);
    await clock.advance(30_000);
    expect(resumed).toEqual({ pausedMs: 60_000 });
    expect(info.map((i) => i.buffering)).toEqual([true, true, false]);
    expect(logger.entries.map((e) => e.message).filter((m) => !m.startsWith("Connector queue"))).toEqual([
      "Publication paused until the queue messages size is reduced under queue threshold",
      "Queue messages size is under queue threshold, resuming publication",
    ]);
  });

  it("reuses a recent below-threshold check instead of querying after every batch", async () => {
    const { gate, clock, checks } = gateWith([100], { minCheckIntervalMs: 10_000 });
    await gate.waitUntilBelow();
    await clock.advance(9_999);
    await gate.waitUntilBelow();
    expect(checks()).toBe(1);
    await clock.advance(1);
    await gate.waitUntilBelow();
    expect(checks()).toBe(2);
  });

  it("rejects with the signal's reason when aborted while paused", async () => {
    const { gate, clock } = gateWith([900]);
    const controller = new AbortController();
    const waiting = gate.waitUntilBelow(controller.signal);
    await clock.advance(0);
    controller.abort(new Error("SIGTERM"));
    await expect(waiting).rejects.toThrow("SIGTERM");
  });
});
