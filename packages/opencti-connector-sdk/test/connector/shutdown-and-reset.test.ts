import { afterEach, describe, expect, it } from "vitest";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID } from "../support/platform-fixtures.js";
import { harness, START, WORK_ID } from "./connector-harness.js";
import { pingedStates, runWorkCalls, toProcessedCall, workCalls } from "./support/fake-platform.js";
import type { TestFeedConnector } from "./support/test-feed-connector.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PERIODIC = { CONNECTOR_RUN_AND_TERMINATE: "false" };

describe("ExternalImportConnector: graceful shutdown", () => {
  it("on SIGTERM stops collecting, waits for the confirmation in flight, checkpoints it, closes the work in error and pings", async () => {
    const h = await harness();
    server = h.server;
    const held = h.sender.hold(2);
    let stopping: Promise<void> | undefined;
    const connector: TestFeedConnector = h.connector({
      env: PERIODIC,
      hooks: {
        beforeBatch: (offset) => {
          if (offset !== 4) return;
          // Batch 1 is confirmed, batch 2 is in flight: the signal arrives now, its confirmation just after.
          stopping = connector.stop("SIGTERM");
          held.release();
        },
      },
    });
    const result = await h.drive(connector.run());
    await stopping;
    expect(result).toMatchObject({ exitCode: 0, result: { reason: "stopped", runs: 1, failures: 0 } });
    expect(workCalls(h.server)).toEqual(
      runWorkCalls({
        connectorId: CONNECTOR_ID,
        workId: WORK_ID,
        startedAt: "2026-02-12T22:00:00.000Z",
        expectations: [6, 6],
        message: "RunInterruptedError: Run interrupted (SIGTERM); state kept at the last confirmed checkpoint",
        inError: true,
      }),
    );
    expect(h.sender.published).toHaveLength(2);
    // The checkpoint of the confirmed batch 2, then the final ping of the shutdown.
    expect(pingedStates(h.server)).toEqual([null, { offset: 2 }, { offset: 4 }, { offset: 4 }]);
    expect(h.sender.closed).toBe(true);
    expect(h.clock.now()).toBe(START);
    expect(h.logger.entries.some((e) => e.level === "warn" && e.message === "Connector run interrupted by stop")).toBe(
      true,
    );
  });

  it("gives up on a confirmation that does not arrive within the grace period and keeps the state before it", async () => {
    const h = await harness();
    server = h.server;
    h.sender.hold(2);
    let stopping: Promise<void> | undefined;
    const connector: TestFeedConnector = h.connector({
      env: PERIODIC,
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 4) stopping = connector.stop("SIGTERM");
        },
      },
    });
    const running = connector.run();
    await h.until(() => h.clock.pendingSleeps > 0 && stopping !== undefined && h.clock.nextDeadline === START + 30_000);
    await h.clock.advance(30_000);
    const result = await h.drive(running);
    await stopping;
    expect(result.exitCode).toBe(0);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(
        WORK_ID,
        "RunInterruptedError: Run interrupted (SIGTERM), 1 batch(es) unconfirmed at the end of the grace period; state kept at the last confirmed checkpoint",
        true,
      ),
    );
    expect(pingedStates(h.server)).toEqual([null, { offset: 2 }, { offset: 2 }]);
    expect(h.sender.confirmed).toHaveLength(1);
  });

  it("stops during start-up without running and exits 0", async () => {
    const h = await harness();
    server = h.server;
    const connector = h.connector({ env: PERIODIC });
    const running = connector.run();
    await connector.stop("SIGTERM");
    await expect(h.drive(running)).resolves.toMatchObject({ exitCode: 0 });
    expect(workCalls(h.server)).toEqual([]);
    expect(connector.collects).toEqual([]);
  });
});

describe("ExternalImportConnector: remote state reset", () => {
  it("stops the run with its work in error and never persists a checkpoint derived from the old state", async () => {
    const h = await harness({ state: '{"offset":0}' });
    server = h.server;
    const held = h.sender.hold(1);
    const connector = h.connector({
      hooks: {
        beforeBatch: (offset) => {
          if (offset !== 2) return;
          // The operator resets the state in the UI: the next ping (batch 1's checkpoint) reveals it.
          h.platform.resetRequested = true;
          held.release();
        },
      },
    });
    const result = await h.drive(connector.run());
    expect(result.exitCode).toBe(1);
    const closing = workCalls(h.server).at(-1);
    expect(closing?.[0]).toBe("workToProcessed");
    expect(closing?.[1]).toMatchObject({ id: WORK_ID, inError: true });
    expect(String(closing?.[1].message)).toMatch(
      /^StateResetError: Checkpoint refused: the connector state was remotely reset/,
    );
    // The ping carrying batch 1's checkpoint was ignored by the platform; nothing derived from it was sent again.
    const states = pingedStates(h.server);
    expect(states.slice(0, 2)).toEqual([{ offset: 0 }, { offset: 2 }]);
    expect(states.slice(2)).toEqual(states.slice(2).map(() => null));
    expect(h.platform.state).toBe("null");
    expect(h.logger.entries.some((e) => e.message === "Connector state has been remotely reset")).toBe(true);
  });
});
