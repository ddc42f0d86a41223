import { FakeClock } from "@org/opencti-connector-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { type Platform, startPlatform, WaitError } from "../src/index.js";
import { post } from "./support/graphql.js";

const CONNECTOR_ID = "3c2b1a09-8f7e-4d6c-b5a4-9382716f5e4d";
let platform: Platform | undefined;
afterEach(() => platform?.stop());

/** A platform on a fake clock with one registered connector; `connectorManagerIntervalMs` 0 turns the manager off. */
async function setup(connectorManagerIntervalMs = 0) {
  const clock = new FakeClock(Date.parse("2026-05-01T08:00:00.000Z"));
  platform = await startPlatform({ clock, connectorManagerIntervalMs });
  const p = platform;
  const gql = (query: string, variables: Record<string, unknown>) => post(p, { query, variables });
  await gql(`mutation R($input: RegisterConnectorInput) { registerConnector(input: $input) { id } }`, {
    input: { id: CONNECTOR_ID, name: "Wait test", type: "EXTERNAL_IMPORT" },
  });
  const openWork = async () =>
    (await gql(`mutation W($c: String!) { workAdd(connectorId: $c) { id } }`, { c: CONNECTOR_ID })).body.data.workAdd
      .id as string;
  return { clock, platform: p, gql, openWork };
}

describe("waiting", () => {
  it("resolves waitForWork on the change that completes the work", async () => {
    const { platform, gql, openWork } = await setup();
    const id = await openWork();
    const waiting = platform.waitForWork(id);
    await gql(`mutation P($id: ID!) { workEdit(id: $id) { toProcessed(message: "done") } }`, { id });
    expect(await waiting).toMatchObject({ id, status: "complete", completedNumber: 1 });
  });

  it("resolves a predicate with the first work it accepts, including one that already exists", async () => {
    const { platform, openWork } = await setup();
    const first = await openWork();
    expect((await platform.waitForWork((w) => w.connectorId === CONNECTOR_ID, { timeoutMs: 1 })).id).toBe(first);
  });

  it("rejects with a WaitError naming what was seen when the platform clock passes the timeout", async () => {
    const { platform, clock, openWork } = await setup();
    const id = await openWork();
    const outcome = platform.waitForWork(id, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    await clock.advance(5_000);
    const error = await outcome;
    expect(WaitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      reason: "timeout",
      message: `Timed out after 5000 ms waiting for work ${id} to be complete; works: ${id} is progress (0/0)`,
    });
  });

  it("rejects at once when the awaited work is deleted", async () => {
    const { platform, gql, openWork } = await setup();
    const id = await openWork();
    const outcome = platform.waitForWork(id).catch((e: unknown) => e);
    await gql(`mutation D($id: ID!) { workEdit(id: $id) { delete } }`, { id });
    expect(await outcome).toMatchObject({
      reason: "deleted",
      message: `Stopped waiting for work ${id} to be complete: the work was deleted`,
    });
  });

  it("waitUntil re-checks on every change and returns the first truthy value", async () => {
    const { platform, openWork } = await setup();
    const waiting = platform.waitUntil(() => platform.works(CONNECTOR_ID).length === 2 && platform.works(CONNECTOR_ID));
    await openWork();
    await openWork();
    expect(await waiting).toHaveLength(2);
  });

  it("runs the connector manager on the platform clock", async () => {
    const { clock, platform: p, gql, openWork: open } = await setup(60_000);
    const stuck = await open();
    await gql(`mutation A($id: ID!) { workEdit(id: $id) { addExpectations(expectations: 3) } }`, { id: stuck });
    clock.setTime(clock.now() + 1_000);
    const recent = await open();
    await gql(`mutation E($id: ID!) { workEdit(id: $id) { reportExpectation } }`, { id: recent });
    expect(p.work(stuck)?.status).toBe("progress");
    await clock.advance(60_000);
    expect(p.work(stuck)?.status).toBe("complete");
  });
});
