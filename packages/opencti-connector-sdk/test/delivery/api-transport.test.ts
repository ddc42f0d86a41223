import { afterEach, describe, expect, it } from "vitest";
import { syntheticObjects } from "../../bench/workload.js";
import { createOpenCtiClient } from "../../src/api/opencti-client.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { ApiTransport } from "../../src/delivery/api-transport.js";
import { BundleSender } from "../../src/delivery/bundle-sender.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { settle } from "../support/drive.js";
import { type GraphQLServer, platformError, startGraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID, TEST_TOKEN } from "../support/platform-fixtures.js";
import { ACME as acme, EMOTET as emotet } from "./stix-fixtures.js";

const WORK_ID = `work_${CONNECTOR_ID}_2026-02-12T22:41:47.123Z`;

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The platform side: stixBundlePush and the work's expectations, recorded. */
async function platform() {
  const pushed: { connectorId: unknown; bundle: Record<string, unknown>; workId: unknown }[] = [];
  const expectations: number[] = [];
  const reported: unknown[] = [];
  server = await startGraphQLServer({
    token: TEST_TOKEN,
    resolvers: {
      Mutation: {
        stixBundlePush: (args) => {
          pushed.push({ connectorId: args.connectorId, bundle: JSON.parse(String(args.bundle)), workId: args.work_id });
          return true;
        },
        workEdit: (args) => ({
          addExpectations: ({ expectations: n }: { expectations: number }) => {
            expectations.push(n);
            return args.id;
          },
          reportExpectation: ({ error }: { error: unknown }) => {
            reported.push(error);
            return args.id;
          },
        }),
      },
    },
  });
  const clock = new FakeClock(Date.parse("2026-02-12T22:00:00Z"));
  const api = createOpenCtiClient({ url: server.url, token: TEST_TOKEN, clock, random: () => 0.5 });
  return { server, api, clock, pushed, expectations, reported };
}

describe("API delivery (stixBundlePush) through the GraphQL client", () => {
  it("pushes the split objects as one bundle with the connector and work ids, announcing nothing", async () => {
    const { api, pushed, expectations, server } = await platform();
    const sender = new BundleSender({ transports: [new ApiTransport({ api, connectorId: CONNECTOR_ID })], api });
    const result = await sender.send(
      { type: "bundle", id: "bundle--api", objects: [emotet, acme] },
      { workId: WORK_ID },
    );
    expect(result).toMatchObject({ sent: 1, objects: 2, expectations: 0 });
    expect(expectations).toEqual([]);
    expect(pushed).toEqual([
      {
        connectorId: CONNECTOR_ID,
        workId: WORK_ID,
        bundle: {
          type: "bundle",
          id: "bundle--api",
          objects: [
            { ...acme, nb_deps: 1 },
            { ...emotet, nb_deps: 2 },
          ],
        },
      },
    ]);
    expect(server.callsOf("StixBundlePush")[0]?.variables).toEqual({
      connectorId: CONNECTOR_ID,
      bundle: JSON.stringify({
        type: "bundle",
        id: "bundle--api",
        objects: [
          { ...acme, nb_deps: 1 },
          { ...emotet, nb_deps: 2 },
        ],
      }),
      work_id: WORK_ID,
    });
  });

  it("announces one expectation for a one-object bundle pushed with a work (nobody else counts it)", async () => {
    const { api, pushed, expectations, server } = await platform();
    const sender = new BundleSender({ transports: [new ApiTransport({ api, connectorId: CONNECTOR_ID })], api });
    await sender.send([acme], { workId: WORK_ID });
    expect(expectations).toEqual([1]);
    expect(server.calls.map((c) => c.operationName)).toEqual(["addExpectations", "StixBundlePush"]);
    await sender.send([acme]);
    expect(expectations).toEqual([1]);
    expect(pushed.map((p) => p.workId)).toEqual([WORK_ID, null]);
  });

  it("chunks a bundle over the byte limit in dependency order, each chunk with its author and marking", async () => {
    const { api, pushed } = await platform();
    const objects = syntheticObjects(300);
    const limit = 64 * 1024;
    const sender = new BundleSender({
      transports: [new ApiTransport({ api, connectorId: CONNECTOR_ID, maxChunkBytes: limit })],
      api,
    });
    const result = await sender.send({ type: "bundle", id: "bundle--big", objects }, { workId: WORK_ID });
    expect(pushed.length).toBeGreaterThan(3);
    expect(result).toMatchObject({ sent: pushed.length, objects: objects.length });
    const [author, marking] = objects;
    const delivered = new Map<unknown, number>();
    for (const [i, push] of pushed.entries()) {
      expect(Buffer.byteLength(JSON.stringify(JSON.stringify(push.bundle))) - 2).toBeLessThanOrEqual(limit);
      const chunk = push.bundle.objects as Record<string, unknown>[];
      const ids = new Set(chunk.map((o) => o.id));
      for (const object of chunk) {
        for (const ref of [object.created_by_ref, ...((object.object_marking_refs as unknown[]) ?? [])]) {
          if (ref !== undefined) expect(ids.has(ref), `chunk ${i}: ${String(object.id)} -> ${String(ref)}`).toBe(true);
        }
        delivered.set(object.id, (delivered.get(object.id) ?? 0) + 1);
      }
      expect(push.workId).toBe(WORK_ID);
    }
    // Every object once, except the author and the marking, copied into each chunk whose indicators need them.
    expect(delivered.size).toBe(objects.length);
    const copied = [...delivered.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    expect(copied.sort()).toEqual([author?.id, marking?.id].sort());
    // Dependency order across chunks: the x_opencti_seq-sorted split order, chunk after chunk.
    const depths = pushed.flatMap((p) =>
      (p.bundle.objects as Record<string, unknown>[]).filter((o) => o.id !== author?.id && o.id !== marking?.id),
    );
    const nbDeps = depths.map((o) => o.nb_deps as number);
    expect(nbDeps).toEqual([...nbDeps].sort((a, b) => a - b));
  });

  it("reports the undelivered one-object chunk when the platform refuses a push, then throws", async () => {
    const { api, clock, reported } = await platform();
    server?.setResolvers({
      Mutation: {
        stixBundlePush: () => {
          throw platformError("UNSUPPORTED_ERROR", "Invalid bundle");
        },
      },
    });
    const sender = new BundleSender({ transports: [new ApiTransport({ api, connectorId: CONNECTOR_ID })], api });
    const error = await settle(sender.send([acme], { workId: WORK_ID }), clock).catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ transport: "api", phase: "publish", delivered: 0, total: 1, isRetryable: false });
    expect(reported).toEqual([{ error: `Delivery failed: ${(error as Error).message}`, source: "CONNECTOR" }]);
  });
});
