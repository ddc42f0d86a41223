import { describe, expect, it } from "vitest";
import { DeliveryError } from "../errors/delivery-error.js";
import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import { createMemoryLogger } from "../logging/logger.js";
import { BundleSender, type SentCounts } from "./bundle-sender.js";
import type { BundleTransport, DeliveryBatch, DeliveryOptions, PreparedDelivery } from "./bundle-transport.js";

/** An in-memory queue transport: one message per split bundle, failing for good after `failAfter` messages. */
class MemoryTransport implements BundleTransport {
  readonly kind = "amqp" as const;
  readonly reachesPlatform: boolean;
  readonly published: { seq: number; id: unknown; workId: string | undefined }[] = [];
  constructor(
    private readonly log: string[],
    private readonly failAfter = Number.POSITIVE_INFINITY,
    reachesPlatform = true,
  ) {
    this.reachesPlatform = reachesPlatform;
  }
  async start() {}
  async close() {}
  prepare(batch: DeliveryBatch, options: DeliveryOptions): PreparedDelivery {
    const n = batch.split.bundles.length;
    return {
      messages: n,
      objects: n,
      expectations: options.workId === undefined ? 0 : n,
      deliver: async (onProgress) => {
        for (const bundle of batch.split.bundles) {
          if (this.published.length >= this.failAfter) {
            throw new DeliveryError({ transport: "amqp", phase: "publish", message: "broker gone", isRetryable: true });
          }
          this.log.push(`publish ${String(bundle.objects[0].id)}`);
          this.published.push({ seq: bundle.x_opencti_seq, id: bundle.objects[0].id, workId: options.workId });
          onProgress({ messages: 1, objects: 1, expectations: options.workId === undefined ? 0 : 1 });
        }
      },
    };
  }
}

function fakeApi(log: string[], failAddExpectations = false) {
  return {
    addExpectations: async (workId: string, n: number) => {
      log.push(`addExpectations ${workId} ${n}`);
      if (failAddExpectations) throw Object.assign(new Error("platform down"), { isRetryable: true });
    },
    reportExpectation: async (workId: string, error?: { error?: string; source?: string }) => {
      log.push(`reportExpectation ${workId} ${error?.source}: ${error?.error}`);
    },
  };
}

const acme = { type: "identity", id: "identity--acme", name: "ACME" };
const emotet = { type: "malware", id: "malware--emotet", name: "Emotet", created_by_ref: "identity--acme" };
const asset = { type: "x-mitre-asset", id: "x-mitre-asset--1", name: "VPN" };

describe("BundleSender", () => {
  it("announces exactly the messages the worker will count before publishing the first, then publishes in order", async () => {
    const log: string[] = [];
    const transport = new MemoryTransport(log);
    const counts: SentCounts[] = [];
    const sender = new BundleSender({ transports: [transport], api: fakeApi(log), onSent: (c) => counts.push(c) });
    const result = await sender.send(
      { type: "bundle", id: "bundle--1", objects: [emotet, acme, asset] },
      { workId: "w1" },
    );
    expect(log).toEqual(["addExpectations w1 2", "publish identity--acme", "publish malware--emotet"]);
    expect(result).toEqual({
      sent: 2,
      objects: 2,
      expectations: 2,
      batches: 1,
      warningCount: 1,
      warnings: [{ objectId: "x-mitre-asset--1", property: "id", reason: "incompatible_object" }],
    });
    expect(counts).toEqual([
      { transport: "amqp", messages: 1, objects: 1 },
      { transport: "amqp", messages: 1, objects: 1 },
    ]);
  });

  it("makes no work call without a work id", async () => {
    const log: string[] = [];
    const sender = new BundleSender({ transports: [new MemoryTransport(log)], api: fakeApi(log) });
    await sender.send([acme]);
    expect(log).toEqual(["publish identity--acme"]);
  });

  it("publishes nothing when addExpectations fails", async () => {
    const log: string[] = [];
    const transport = new MemoryTransport(log);
    const sender = new BundleSender({ transports: [transport], api: fakeApi(log, true) });
    const error = await sender.send([acme, emotet], { workId: "w1" }).catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: "expectations", isRetryable: true, delivered: 0, total: 2 });
    expect((error as Error).message).toBe(
      "amqp delivery failed: addExpectations(2) failed, nothing was published: platform down",
    );
    expect(transport.published).toEqual([]);
  });

  it("reports the N-k undelivered expectations on the work, then throws the DeliveryError", async () => {
    const log: string[] = [];
    const objects = Array.from({ length: 5 }, (_, i) => ({ type: "malware", id: `malware--${i}`, name: `m${i}` }));
    const sender = new BundleSender({ transports: [new MemoryTransport(log, 2)], api: fakeApi(log) });
    const error = await sender.send(objects, { workId: "w1" }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("amqp delivery failed: broker gone");
    const report = "reportExpectation w1 CONNECTOR: Delivery failed: amqp delivery failed: broker gone";
    expect(log).toEqual(["addExpectations w1 5", "publish malware--0", "publish malware--1", report, report, report]);
  });

  it("logs one WARNING per batch listing every removal, with the reasons counted", async () => {
    const logger = createMemoryLogger();
    const sender = new BundleSender({ transports: [new MemoryTransport([])], logger });
    await sender.send({
      id: "bundle--w",
      objects: [{ ...acme, created_by_ref: acme.id, object_refs: ["x-mitre-asset--9"] }, asset],
    });
    const warnings = logger.entries.filter((e) => e.level === "warn");
    expect(warnings).toEqual([
      {
        level: "warn",
        name: "test",
        message: "The bundle splitter removed references or objects the platform cannot import",
        attributes: {
          bundle_id: "bundle--w",
          count: 3,
          reasons: { self_reference: 1, unsupported_type: 1, incompatible_object: 1 },
          removed: [
            { objectId: acme.id, property: "created_by_ref", ref: acme.id, reason: "self_reference" },
            { objectId: acme.id, property: "object_refs", ref: "x-mitre-asset--9", reason: "unsupported_type" },
            { objectId: asset.id, property: "id", reason: "incompatible_object" },
          ],
        },
      },
    ]);
  });

  it("rejects a single input with nothing to import, and skips such batches in a stream", async () => {
    const log: string[] = [];
    const sender = new BundleSender({ transports: [new MemoryTransport(log)], api: fakeApi(log) });
    await expect(sender.send([asset], { workId: "w1" })).rejects.toThrow(InvalidBundleError);
    await expect(sender.send([asset])).rejects.toThrow("objects: Nothing to import");
    expect(await sender.sendBatch([asset], { workId: "w1" })).toEqual({
      sent: 0,
      objects: 0,
      expectations: 0,
      warnings: [],
    });
    expect(log).toEqual([]);
  });

  it("streams batches one at a time: the next batch is pulled only after the previous one and onBatch resolved", async () => {
    const log: string[] = [];
    const sender = new BundleSender({ transports: [new MemoryTransport(log)], api: fakeApi(log) });
    async function* batches() {
      for (let b = 0; b < 3; b++) {
        log.push(`pull ${b}`);
        yield [acme, { type: "malware", id: `malware--${b}`, name: `m${b}`, created_by_ref: acme.id }];
      }
    }
    const result = await sender.send(batches(), {
      workId: "w1",
      onBatch: async (batch, index) => {
        log.push(`checkpoint ${index} after ${batch.sent}`);
      },
    });
    expect(log).toEqual([
      "pull 0",
      "addExpectations w1 2",
      "publish identity--acme",
      "publish malware--0",
      "checkpoint 0 after 2",
      "pull 1",
      "addExpectations w1 2",
      "publish identity--acme",
      "publish malware--1",
      "checkpoint 1 after 2",
      "pull 2",
      "addExpectations w1 2",
      "publish identity--acme",
      "publish malware--2",
      "checkpoint 2 after 2",
    ]);
    expect(result).toMatchObject({ sent: 6, objects: 6, expectations: 6, batches: 3, warningCount: 0 });
  });

  it("counts only transports that reach the platform as sent, and keeps at most maxWarnings warnings", async () => {
    const log: string[] = [];
    const directory = new MemoryTransport(log, Number.POSITIVE_INFINITY, false);
    const queue = new MemoryTransport(log);
    const sender = new BundleSender({ transports: [directory, queue], maxWarnings: 2 });
    const refs = ["x-mitre-asset--1", "x-mitre-asset--2", "x-mitre-asset--3"];
    const result = await sender.send([{ ...acme, object_refs: refs }]);
    expect(result).toMatchObject({ sent: 1, objects: 1, warningCount: 3 });
    expect(result.warnings).toHaveLength(2);
    expect(directory.published).toHaveLength(1);
    expect(queue.published).toHaveLength(1);
  });

  it("wraps a list of objects in a bundle with a generated id", async () => {
    const seen: DeliveryBatch[] = [];
    const transport: BundleTransport = {
      kind: "directory",
      reachesPlatform: false,
      start: async () => {},
      close: async () => {},
      prepare: (batch) => {
        seen.push(batch);
        return { messages: 1, objects: 1, expectations: 0, deliver: async () => {} };
      },
    };
    await new BundleSender({ transports: [transport], generateBundleId: () => "bundle--generated" }).send([acme]);
    expect(seen[0]?.bundle).toEqual({ type: "bundle", id: "bundle--generated", objects: [acme] });
    expect(seen[0]?.split.bundleId).toBe("bundle--generated");
  });
});
