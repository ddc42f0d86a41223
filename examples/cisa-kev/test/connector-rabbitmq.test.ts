import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createMemoryLogger, ResponseValidationError } from "@org/opencti-connector-sdk";
import {
  describeWithBroker,
  expectToMatchGolden,
  LOCAL_AMQP_URL,
  useTestbed,
} from "@org/opencti-connector-testkit/vitest";
import { expect, it } from "vitest";
import { CisaKevConnector } from "../src/index.js";
import { fixtureCatalog, GOLDEN_SLICE } from "./support/kev-entries.js";

const describeBroker = await describeWithBroker();
const FEED = "known_exploited_vulnerabilities.json";
const CLEAR = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

describeBroker("CISA KEV connector against the testkit emulator over RabbitMQ", () => {
  // No config.yml in bed.cwd: the connector reads only the environment given below.
  const bed = useTestbed({
    platform: { amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `kev${randomUUID().slice(0, 8)}`, references: "reject" },
    files: fileURLToPath(new URL("../fixtures", import.meta.url)),
  });

  /** Runs the connector once (run-and-terminate) and returns its exit code and log. */
  async function runOnce(connectorId: string, env: Record<string, string> = {}) {
    const logger = createMemoryLogger();
    const connector = new CisaKevConnector({
      env: {
        ...bed.platform.env(),
        CONNECTOR_ID: connectorId,
        CONNECTOR_RUN_AND_TERMINATE: "true",
        CISA_KEV_FEED_URL: bed.files.fileUrl(FEED),
        ...env,
      },
      cwd: bed.cwd,
      logger,
    });
    const { exitCode } = await connector.run();
    return { exitCode, logger };
  }

  it("imports the catalog, then only the entries added since, then nothing", async () => {
    const connectorId = randomUUID();
    const full = fixtureCatalog();
    const older = full.vulnerabilities.filter((entry) => entry.dateAdded <= "2025-08-13");
    bed.files.set(FEED, JSON.stringify({ ...full, count: older.length, vulnerabilities: older }));

    // First run: 18 entries in batches of 5, a checkpoint after each.
    const first = await runOnce(connectorId, { CISA_KEV_BATCH_SIZE: "5" });
    expect(first.exitCode).toBe(0);
    const [work1] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work1?.id ?? "")).toMatchObject({
      status: "complete",
      expected: 74,
      processed: 74,
      errors: [],
    });
    expect(bed.platform.countsByType()).toEqual({
      identity: 1,
      "marking-definition": 1,
      vulnerability: 18,
      note: 18,
      software: 12,
      relationship: 18,
    });
    expect(bed.platform.danglingReferences()).toEqual([]);
    expect(bed.platform.state(connectorId)).toEqual({
      last_date_added: "2025-08-13",
      last_date_cves: ["CVE-2025-8875", "CVE-2025-8876"],
      last_run: expect.any(String),
    });
    expect(first.logger.entries).toContainEqual(
      expect.objectContaining({
        level: "info",
        message: "KEV catalog downloaded",
        attributes: { catalog_version: "2025.08.25", entries: 18, new_entries: 18, since: null },
      }),
    );

    // Second run: the catalog gained 5 entries; only they are sent.
    bed.files.set(FEED, JSON.stringify(full));
    expect((await runOnce(connectorId)).exitCode).toBe(0);
    const work2 = bed.platform.works(connectorId)[1];
    expect(await bed.platform.waitForWork(work2?.id ?? "")).toMatchObject({ expected: 21, processed: 21, errors: [] });
    const sent = bed.platform.objects({ workId: work2?.id ?? "", type: "vulnerability" }).map((o) => o.name);
    expect(sent.sort()).toEqual([
      "CVE-2024-8068",
      "CVE-2024-8069",
      "CVE-2025-43300",
      "CVE-2025-48384",
      "CVE-2025-54948",
    ]);
    // Over both runs, the platform holds exactly what the mapping gives for the whole catalog.
    await expectToMatchGolden(bed.platform, GOLDEN_SLICE);
    expect(bed.platform.state(connectorId)).toMatchObject({
      last_date_added: "2025-08-25",
      last_date_cves: ["CVE-2024-8068", "CVE-2024-8069", "CVE-2025-48384"],
    });

    // Third run: nothing new, so no work at all, and the cursor stays.
    const third = await runOnce(connectorId);
    expect(third.exitCode).toBe(0);
    expect(bed.platform.works(connectorId)).toHaveLength(2);
    expect(bed.platform.state(connectorId)).toMatchObject({ last_date_added: "2025-08-25" });
    expect(third.logger.entries).toContainEqual(
      expect.objectContaining({
        message: "KEV catalog downloaded",
        attributes: expect.objectContaining({ new_entries: 0 }),
      }),
    );
  });

  it("stores what it imports as the mapping gives it: the KEV flag, the author and the TLP marking", async () => {
    const vulnerability = bed.platform.objects({ type: "vulnerability" }).find((o) => o.name === "CVE-2025-53770");
    expect(vulnerability).toMatchObject({
      x_opencti_cisa_kev: true,
      labels: ["known-ransomware-campaign-use"],
      created_by_ref: "identity--80f07246-1c8c-5225-9ac5-fba6d6345f99",
      object_marking_refs: [CLEAR],
    });
  });

  it("fails the run on an invalid catalog, naming the field, and keeps the state", async () => {
    const connectorId = randomUUID();
    const catalog = structuredClone(fixtureCatalog());
    (catalog.vulnerabilities[2] as { dueDate: string }).dueDate = "soon";
    bed.files.set("invalid.json", JSON.stringify(catalog));
    const { exitCode, logger } = await runOnce(connectorId, { CISA_KEV_FEED_URL: bed.files.fileUrl("invalid.json") });
    expect(exitCode).toBe(1);
    expect(bed.platform.works(connectorId)).toEqual([]);
    expect(bed.platform.state(connectorId)).toBeNull();
    const failure = logger.entries.find((entry) => entry.message === "Connector run failed");
    const error = failure?.attributes?.error as ResponseValidationError;
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      `Invalid response from GET ${bed.files.fileUrl("invalid.json")}: field \`vulnerabilities[2].dueDate\`: must be a date YYYY-MM-DD`,
    );
  });
});
