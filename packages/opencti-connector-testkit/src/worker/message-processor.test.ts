import { createMemoryLogger, FakeClock } from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import { type IngestedObject, IngestStore } from "../store/ingest-store.js";
import { WorkStore } from "../store/work-store.js";
import { encodeContent, type WorkerEnvelope } from "./envelope.js";
import { MessageProcessor, type ReferenceMode, type SplitBundle, type ValidateObject } from "./message-processor.js";

const CONNECTOR = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
const ACME = { type: "identity", id: "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69", name: "ACME Corp" };
const EMOTET = {
  type: "malware",
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  name: "Emotet",
  created_by_ref: ACME.id,
};
const DANGLING_RELATIONSHIP = { type: "relationship", id: "relationship--1", source_ref: EMOTET.id, target_ref: null };

/** Test double: one bundle per compatible object in input order, relationships need both ends. */
const split: SplitBundle = (bundle) => {
  const objects = bundle.objects as Record<string, unknown>[];
  const compatible = objects.filter((o) => o.type !== "relationship" || (o.source_ref && o.target_ref));
  return {
    expectations: compatible.length,
    bundles: compatible.map((o, i) => ({
      type: "bundle",
      id: bundle.id,
      x_opencti_seq: i + 1,
      objects: [{ ...o, nb_deps: 1 }],
    })),
    incompatible: objects.filter((o) => !compatible.includes(o)).map((o) => ({ id: String(o.id) })),
  };
};

/** Test double: names are required on SDOs. */
const validate: ValidateObject = (value) => {
  const object = value as IngestedObject;
  if (object.type !== "relationship" && typeof object.name !== "string")
    throw new Error("Invalid STIX: name: is required");
  return object;
};

function setup(references: ReferenceMode = "report") {
  const clock = new FakeClock(Date.parse("2026-02-12T22:41:47.123Z"));
  const works = new WorkStore({ clock });
  const ingest = new IngestStore({ clock, seededIds: [] });
  const logger = createMemoryLogger();
  const processor = new MessageProcessor({ works, ingest, split, validate, references, logger });
  const work = works.create({ connectorId: CONNECTOR, name: "run", userId: "u", eventSourceId: null, received: true });
  const republished: WorkerEnvelope[] = [];
  const run = (envelope: Record<string, unknown>) =>
    processor.process(CONNECTOR, JSON.stringify(envelope), async (e) => {
      republished.push(e);
    });
  const envelope = (objects: unknown[], extra: Record<string, unknown> = {}) => ({
    bundle_type: "QUEUE_BUNDLE",
    applicant_id: "u",
    action_sequence: 1,
    entities_types: [],
    content: encodeContent({ type: "bundle", id: "bundle--1", objects }),
    update: false,
    draft_id: null,
    work_id: work.id,
    ...extra,
  });
  return { works, ingest, processor, work, republished, run, envelope, logger };
}

describe("MessageProcessor", () => {
  it("imports a one-object message, reports it and completes the work", async () => {
    const { works, ingest, processor, work, run, envelope } = setup();
    works.addExpectations(work.id, 1);
    expect(await run(envelope([ACME]))).toBe("ack");
    expect(ingest.get(ACME.id)?.object).toEqual(ACME);
    expect(works.get(work.id)).toMatchObject({ status: "complete", processed: 1, errors: [] });
    expect(processor.stats).toEqual({ messages: 1, imported: 1, failed: 0, split: 0, dropped: 0, rejected: 0 });
  });

  it("splits a bigger message: adds expectations, republishes each piece with the same envelope", async () => {
    const { works, work, run, envelope, republished, ingest } = setup();
    const original = envelope([ACME, EMOTET]);
    expect(await run(original)).toBe("ack");
    expect(works.get(work.id)?.expected).toBe(2);
    expect(ingest.size).toBe(0);
    expect(republished).toEqual([
      {
        ...original,
        content: encodeContent({
          type: "bundle",
          id: "bundle--1",
          x_opencti_seq: 1,
          objects: [{ ...ACME, nb_deps: 1 }],
        }),
      },
      {
        ...original,
        content: encodeContent({
          type: "bundle",
          id: "bundle--1",
          x_opencti_seq: 2,
          objects: [{ ...EMOTET, nb_deps: 1 }],
        }),
      },
    ]);
  });

  it("stores pieces without the splitter's nb_deps once they come back", async () => {
    const { run, envelope, republished, ingest } = setup();
    await run(envelope([ACME, EMOTET]));
    for (const piece of republished) await run(piece);
    expect(ingest.get(EMOTET.id)?.object).toEqual(EMOTET);
  });

  it("reports an invalid item with its error and JSON source", async () => {
    const { works, work, run, envelope, ingest } = setup();
    works.addExpectations(work.id, 1);
    const invalid = { type: "malware", id: "malware--2" };
    await run(envelope([invalid]));
    expect(ingest.size).toBe(0);
    expect(works.get(work.id)).toMatchObject({
      status: "complete",
      errors: [{ message: "Invalid STIX: name: is required", source: JSON.stringify(invalid) }],
    });
  });

  it("reports 'Bundle too large' instead of a source of 50 000 characters or more", async () => {
    const { works, work, run, envelope } = setup();
    await run(envelope([{ type: "malware", id: "malware--3", description: "x".repeat(50_000) }]));
    expect(works.get(work.id)?.errors[0]?.source).toBe("Bundle too large");
  });

  it("reports an incompatible one-object message", async () => {
    const { works, work, run, envelope } = setup();
    works.addExpectations(work.id, 1);
    await run(envelope([DANGLING_RELATIONSHIP]));
    expect(works.get(work.id)).toMatchObject({
      status: "complete",
      errors: [
        {
          message: "Incompatible element in bundle",
          source: "Element relationship--1 is incompatible and couldn't be processed",
        },
      ],
    });
  });

  it("drops (acks) messages of a deleted work without touching anything", async () => {
    const { works, work, run, envelope, ingest, processor } = setup();
    works.delete(work.id);
    expect(await run(envelope([ACME]))).toBe("ack");
    expect(ingest.size).toBe(0);
    expect(processor.stats.dropped).toBe(1);
  });

  it("rejects unreadable messages without requeue", async () => {
    const { processor, logger } = setup();
    const ignore = async () => {};
    expect(await processor.process(CONNECTOR, "{not json", ignore)).toBe("nack");
    expect(await processor.process(CONNECTOR, JSON.stringify({ work_id: null }), ignore)).toBe("nack");
    expect(await processor.process(CONNECTOR, JSON.stringify({ content: "!!!" }), ignore)).toBe("nack");
    const empty = { content: encodeContent({ type: "bundle", objects: [] }) };
    expect(await processor.process(CONNECTOR, JSON.stringify(empty), ignore)).toBe("nack");
    expect(processor.stats.rejected).toBe(4);
    expect(logger.entries.map((e) => e.message)).toEqual(Array(4).fill("Could not process message"));
  });

  it("imports without reporting when the message has no work", async () => {
    const { run, envelope, ingest, works, work } = setup();
    await run(envelope([ACME], { work_id: undefined }));
    expect(ingest.get(ACME.id)).toBeDefined();
    expect(works.get(work.id)?.processed).toBe(0);
  });

  it("reject mode: an object referencing nothing stored fails like the platform's missing reference", async () => {
    const { run, envelope, ingest, works, work } = setup("reject");
    await run(envelope([EMOTET]));
    expect(ingest.get(EMOTET.id)).toBeUndefined();
    expect(works.get(work.id)?.errors[0]?.message).toBe(`Element(s) not found: created_by_ref ${ACME.id}`);
  });

  it("entities_types: out-of-scope objects are reported but not stored", async () => {
    const { run, envelope, ingest, works, work } = setup();
    await run(envelope([ACME], { entities_types: ["malware"] }));
    expect(ingest.size).toBe(0);
    expect(works.get(work.id)).toMatchObject({ processed: 1, errors: [] });
  });

  it("imports every object of a no_split message in one go", async () => {
    const { run, envelope, ingest, works, work, republished } = setup();
    await run(envelope([ACME, EMOTET], { no_split: true }));
    expect(republished).toEqual([]);
    expect(ingest.countsByType()).toEqual({ identity: 1, malware: 1 });
    expect(works.get(work.id)?.processed).toBe(2);
  });
});
