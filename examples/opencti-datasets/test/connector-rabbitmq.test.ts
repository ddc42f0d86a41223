import { createHash, randomUUID } from "node:crypto";
import { createMemoryLogger, ResponseValidationError } from "@org/opencti-connector-sdk";
import {
  describeWithBroker,
  expectToMatchGolden,
  LOCAL_AMQP_URL,
  useTestbed,
} from "@org/opencti-connector-testkit/vitest";
import { TLP_GREEN } from "@org/stix2-types";
import { expect, it } from "vitest";
import { DatasetsConnector } from "../src/index.js";
import { type FILES, FIXTURES, fixtureBundle, GOLDEN_DATASETS } from "./support/datasets.js";

const describeBroker = await describeWithBroker();

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const fingerprint = (name: (typeof FILES)[number], tlp_level = "clear") => ({
  sha256: sha256(fixtureBundle(name)),
  tlp_level,
  imported_at: expect.any(String),
});

describeBroker("OpenCTI datasets connector against the testkit emulator over RabbitMQ", () => {
  // No config.yml in bed.cwd: the connector reads only the environment given below.
  const bed = useTestbed({
    platform: { amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `ds${randomUUID().slice(0, 8)}`, references: "reject" },
    files: FIXTURES,
  });

  /** Runs the connector once (run-and-terminate); resolves with its exit code, log and the works it opened. */
  async function runOnce(connectorId: string, env: Record<string, string> = {}) {
    const before = bed.platform.works(connectorId).length;
    const logger = createMemoryLogger();
    const connector = new DatasetsConnector({
      env: {
        ...bed.platform.env(),
        CONNECTOR_ID: connectorId,
        CONNECTOR_RUN_AND_TERMINATE: "true",
        DATASETS_BASE_URL: bed.files.url,
        ...env,
      },
      cwd: bed.cwd,
      logger,
    });
    const { exitCode } = await connector.run();
    const works = bed.platform.works(connectorId).slice(before);
    for (const work of works) await bed.platform.waitForWork(work.id);
    return { exitCode, logger, works: works.map((w) => bed.platform.work(w.id)) };
  }

  it("imports the three files, then nothing while they are unchanged", async () => {
    const connectorId = randomUUID();
    const first = await runOnce(connectorId);
    expect(first.exitCode).toBe(0);
    // One batch per file: author and marking first, then the file's objects but its copy of the author.
    expect(first.works).toEqual([
      expect.objectContaining({ status: "complete", expected: 8 + 11 + 8, processed: 8 + 11 + 8, errors: [] }),
    ]);
    expect(first.logger.entries).toContainEqual(
      expect.objectContaining({
        message: "Import run summary",
        attributes: expect.objectContaining({ status: "succeeded", batches: 3, records: 21, skipped: 0 }),
      }),
    );
    expect(bed.platform.countsByType()).toEqual({
      identity: 8,
      location: 5,
      relationship: 9,
      "marking-definition": 1,
    });
    expect(bed.platform.danglingReferences()).toEqual([]);
    await expectToMatchGolden(bed.platform, GOLDEN_DATASETS);
    expect(bed.platform.state(connectorId)).toEqual({
      files: {
        sectors: fingerprint("sectors"),
        geography: fingerprint("geography"),
        companies: fingerprint("companies"),
      },
      last_run: expect.any(String),
    });

    const second = await runOnce(connectorId);
    expect(second.exitCode).toBe(0);
    expect(second.works).toEqual([]);
    const skipped = second.logger.entries.filter(
      (e) => e.message === "Dataset unchanged since its last import, skipped",
    );
    expect(skipped.map((e) => e.attributes?.file)).toEqual(["sectors.json", "geography.json", "companies.json"]);
  });

  it("imports again only the file that changed, and every file when the marking changes", async () => {
    const connectorId = randomUUID();
    expect((await runOnce(connectorId)).exitCode).toBe(0);
    const geography = fixtureBundle("geography");
    const egypt = geography.objects.find((o) => (o as { name?: string }).name === "Egypt") as Record<string, unknown>;
    egypt.description = "Arab Republic of Egypt";
    bed.files.set("geography.json", JSON.stringify(geography));
    try {
      const changed = await runOnce(connectorId);
      expect(changed.works).toEqual([expect.objectContaining({ expected: 11, errors: [] })]);
      const sent = bed.platform.objects({ workId: changed.works[0]?.id ?? "" });
      expect(sent.map((o) => o.type).sort()).toEqual([
        "identity",
        ...Array(5).fill("location"),
        "marking-definition",
        ...Array(4).fill("relationship"),
      ]);
      expect(sent.find((o) => o.name === "Egypt")?.description).toBe("Arab Republic of Egypt");
      expect(bed.platform.state(connectorId)?.files).toEqual({
        sectors: fingerprint("sectors"),
        geography: { ...fingerprint("geography"), sha256: sha256(geography) },
        companies: fingerprint("companies"),
      });
    } finally {
      bed.files.set("geography.json", JSON.stringify(fixtureBundle("geography")));
    }

    const green = await runOnce(connectorId, { DATASETS_TLP_LEVEL: "green" });
    expect(green.works).toEqual([expect.objectContaining({ expected: 27, errors: [] })]);
    const marked = bed.platform.objects({ workId: green.works[0]?.id ?? "", type: "location" });
    expect(marked.map((o) => o.object_marking_refs)).toEqual(Array(5).fill([TLP_GREEN.id]));
    expect(bed.platform.state(connectorId)?.files).toMatchObject({ sectors: { tlp_level: "green" } });
  });

  it("skips and reports an invalid object, and imports the rest of its file", async () => {
    const connectorId = randomUUID();
    const original = fixtureBundle("sectors");
    const culture = original.objects.findIndex((o) => (o as { name?: string }).name === "Culture");
    // Under an id the platform has not seen (the other tests import Culture), so that what references it dangles.
    const cultureId = (original.objects[culture] as { id: string }).id;
    const sectors: typeof original = JSON.parse(
      JSON.stringify(original).replaceAll(cultureId, `identity--${randomUUID()}`),
    );
    (sectors.objects[culture] as Record<string, unknown>).identity_class = 42;
    bed.files.set("sectors-invalid.json", JSON.stringify(sectors));
    const { exitCode, works, logger } = await runOnce(connectorId, { DATASETS_FILES: "sectors-invalid" });
    expect(exitCode).toBe(0);
    const id = (sectors.objects[culture] as { id: string }).id;
    const recordId = `sectors-invalid.json objects[${culture}] ${id}`;
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "Record skipped: it cannot be mapped to STIX",
        attributes: expect.objectContaining({ record_id: recordId, reason: expect.stringContaining("identity_class") }),
      }),
    );
    // On the work: the skipped object, and the relationship of which it is an end, which the platform refuses.
    const errors = works[0]?.errors.map((e) => e.message) ?? [];
    expect(errors).toContainEqual(
      expect.stringContaining(`Record ${recordId} skipped: invalid STIX object: identity_class`),
    );
    expect(errors).toHaveLength(2);
    expect(bed.platform.state(connectorId)?.files).toHaveProperty("sectors-invalid");
  });

  it("imports the other files, then fails the run, when a file is not a bundle", async () => {
    const connectorId = randomUUID();
    bed.files.set("broken.json", '{"type": "bundle", "objects": [');
    const { exitCode, logger, works } = await runOnce(connectorId, { DATASETS_FILES: "broken,sectors" });
    expect(exitCode).toBe(1);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "Dataset file rejected; the run imports the others, then fails",
        attributes: { file: "broken.json", field: "(body)" },
      }),
    );
    const failure = logger.entries.find((e) => e.message === "Connector run failed");
    const error = failure?.attributes?.error as ResponseValidationError;
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error.message).toContain(`${bed.files.url}/broken.json: field \`(body)\`: not valid JSON`);
    // The work holds the good file's objects and is closed in error.
    expect(works).toEqual([expect.objectContaining({ expected: 8, processed: 8 })]);
    expect(works[0]?.errors.map((e) => e.message)).toEqual([`ResponseValidationError: ${error.message}`]);
    expect(bed.platform.state(connectorId)).toEqual({ files: { sectors: fingerprint("sectors") } });
  });
});
