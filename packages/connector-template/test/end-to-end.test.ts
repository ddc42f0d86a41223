import { lintBundle } from "@org/opencti-connector-sdk";
import { brokerAvailable, LOCAL_AMQP_URL } from "@org/opencti-connector-testkit/vitest";
import { afterEach, describe, expect, it } from "vitest";
import type { FixtureRecord } from "../dev/fixture-server.js";
import { type TemplateRig, templateRig } from "./support/connector-rig.js";

const withBroker = await brokerAvailable();

/** What the 12 sample records become (the author and the TLP marking once). */
const SAMPLE_COUNTS = {
  "domain-name": 3,
  file: 2,
  identity: 1,
  indicator: 12,
  "ipv4-addr": 4,
  "ipv6-addr": 1,
  malware: 3,
  "marking-definition": 1,
  relationship: 21,
  url: 2,
};

const rigs: TemplateRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

async function rig(options: Parameters<typeof templateRig>[0] = {}): Promise<TemplateRig> {
  const created = await templateRig(options);
  rigs.push(created);
  return created;
}

async function completedWorks(r: TemplateRig) {
  return Promise.all(r.platform.works(r.connectorId).map((work) => r.platform.waitForWork(work.id)));
}

const newest = (records: readonly FixtureRecord[]) => records.at(-1)?.updated_at;

describe.each([
  { mode: "API push", queueProtocol: "api" as const, runs: true },
  { mode: "RabbitMQ", queueProtocol: "amqp" as const, runs: withBroker },
])("the Template connector against the emulator ($mode)", ({ queueProtocol, runs }) => {
  const platformOptions = () =>
    queueProtocol === "amqp"
      ? {
          amqp: { url: LOCAL_AMQP_URL },
          queuePrefix: `tpl${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
        }
      : {};

  it.runIf(runs)("imports the sample feed in one completed work and saves the cursor", async () => {
    const r = await rig({ queueProtocol, platform: platformOptions() });
    expect(await r.run()).toBe(0);
    const works = await completedWorks(r);
    expect(works).toHaveLength(1);
    expect(works[0]).toMatchObject({ status: "complete", expected: 50, completedNumber: 50, errors: [] });
    expect(works[0]?.name).toMatch(/^Template Feed run @ \d{4}-\d{2}-\d{2}T/);
    expect(r.platform.countsByType()).toEqual(SAMPLE_COUNTS);
    expect(r.platform.danglingReferences()).toEqual([]);
    expect(r.platform.state(r.connectorId)).toEqual({
      since: newest(r.feed.records),
      last_run: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const bundle = {
      type: "bundle",
      id: "bundle--0d6f3a52-8c1e-4b7a-9f2d-5e6a7b8c9d0e",
      objects: r.platform.objects(),
    };
    expect(lintBundle(bundle).findings).toEqual([]);
    expect(r.platform.objects({ type: "indicator" })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "198.51.100.7",
          object_marking_refs: ["marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"],
        }),
      ]),
    );
  });
});

describe("the Template connector's incremental runs (API push)", () => {
  it("sends only the records added since the cursor, and opens no work when nothing changed", async () => {
    const r = await rig();
    const all = r.feed.records;
    await r.serve({ records: all.slice(0, 6) });
    expect(await r.run()).toBe(0);
    expect(r.platform.state(r.connectorId)).toMatchObject({ since: newest(all.slice(0, 6)) });

    await r.serve({ records: all });
    expect(await r.run()).toBe(0);
    expect(await r.run()).toBe(0);
    const works = await completedWorks(r);
    expect(works).toHaveLength(2);
    expect(r.platform.countsByType().indicator).toBe(12);
    expect(r.platform.state(r.connectorId)).toMatchObject({ since: newest(all) });
    // The second run asked for what changed after the first run's cursor only.
    expect(r.feed.requests.map((request) => request.query.since)).toEqual([newest(all.slice(0, 6)), newest(all)]);
  });

  it("skips a malformed record, lists it on the work and goes on", async () => {
    const r = await rig();
    const [first, second] = r.feed.records;
    await r.serve({ records: [first as FixtureRecord, { ...second, kind: "email" } as FixtureRecord] });
    expect(await r.run()).toBe(0);
    const [work] = await completedWorks(r);
    expect(work?.errors).toHaveLength(1);
    expect(work?.errors[0]?.message).toContain("TPL-0002");
    expect(r.platform.countsByType().indicator).toBe(1);
    expect(r.platform.state(r.connectorId)).toMatchObject({ since: second?.updated_at });
  });

  it("fails the run (exit 1) on a refused API key, opening no work and saving no cursor", async () => {
    const r = await rig();
    expect(await r.run({ TEMPLATE_API_KEY: "not-the-key" })).toBe(1);
    expect(r.platform.works(r.connectorId)).toEqual([]);
    expect(r.platform.state(r.connectorId)).toBeNull();
  });
});
