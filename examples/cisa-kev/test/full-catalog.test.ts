import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintBundle } from "@org/opencti-connector-sdk";
import { startFileServer, startPlatform } from "@org/opencti-connector-testkit";
import { describeWithBroker, LOCAL_AMQP_URL } from "@org/opencti-connector-testkit/vitest";
import { generateId, parseStixObject, TLP_CLEAR, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { planBatches } from "../src/batches.js";
import { kevCatalogSchema } from "../src/client.js";
import { pendingEntries } from "../src/import-cursor.js";
import { CisaKevConnector } from "../src/index.js";
import { CISA_AUTHOR, mapKevRecord } from "../src/mapping.js";

/** The full catalog in the repository's sibling `shared/feeds/` folder (CI clones and the dev machine have it). */
const FULL_CATALOG = fileURLToPath(
  new URL("../../../../shared/feeds/cisa-kev/known_exploited_vulnerabilities.json", import.meta.url),
);
const available = existsSync(FULL_CATALOG);
if (!available) console.warn(`${FULL_CATALOG} not found: the full-catalog tests are skipped`);
const describeFull = available ? describe : describe.skip;
const describeFullWithBroker = available ? await describeWithBroker() : describe.skip;

async function fullCatalog() {
  return kevCatalogSchema.parse(JSON.parse(await readFile(FULL_CATALOG, "utf8")));
}

describeFull("the full KEV catalog (shared/feeds)", () => {
  it("validates, and maps every entry to valid STIX with the platform's ids", async () => {
    const catalog = await fullCatalog();
    expect(catalog.vulnerabilities).toHaveLength(catalog.count);
    const stix = withDefaults({ createdBy: CISA_AUTHOR, markings: [TLP_CLEAR] });
    const objects = planBatches(pendingEntries(catalog.vulnerabilities, {}), 200)
      .flat()
      .flatMap((record) => mapKevRecord(record, stix));
    for (const object of objects) {
      parseStixObject(object);
      expect(generateId(object)).toBe(object.id);
    }
    const types = objects.map((o) => o.type);
    expect(types.filter((t) => t === "vulnerability")).toHaveLength(catalog.count);
    expect(types.filter((t) => t === "note")).toHaveLength(catalog.count);
  });
});

describeFullWithBroker("the full KEV catalog end to end (testkit emulator, RabbitMQ)", () => {
  it("imports every entry in one run, then nothing on the next", async () => {
    const catalog = await fullCatalog();
    const platform = await startPlatform({
      amqp: { url: LOCAL_AMQP_URL },
      queuePrefix: `kev${randomUUID().slice(0, 8)}`,
    });
    const feed = await startFileServer({ dir: dirname(FULL_CATALOG) });
    const cwd = await mkdtemp(join(tmpdir(), "cisa-kev-full-"));
    try {
      const connectorId = randomUUID();
      const run = async () => {
        const env = {
          ...platform.env(),
          CONNECTOR_ID: connectorId,
          CONNECTOR_RUN_AND_TERMINATE: "true",
          CONNECTOR_LOG_LEVEL: "error",
          CISA_KEV_FEED_URL: feed.fileUrl("known_exploited_vulnerabilities.json"),
        };
        return (await new CisaKevConnector({ env, cwd }).run()).exitCode;
      };
      expect(await run()).toBe(0);
      const [work] = platform.works(connectorId);
      expect(await platform.waitForWork(work?.id ?? "", { timeoutMs: 120_000 })).toMatchObject({ errors: [] });
      const software = new Set(catalog.vulnerabilities.map((e) => `${e.vendorProject.trim()}|${e.product.trim()}`));
      expect(platform.countsByType()).toEqual({
        identity: 1,
        "marking-definition": 1,
        vulnerability: catalog.count,
        note: catalog.count,
        software: software.size,
        relationship: catalog.count,
      });
      const bundle = { type: "bundle", id: `bundle--${randomUUID()}`, objects: platform.objects() };
      expect(lintBundle(bundle).findings).toEqual([]);
      const newest = catalog.vulnerabilities
        .map((e) => e.dateAdded)
        .sort()
        .at(-1);
      expect(platform.state(connectorId)).toMatchObject({ last_date_added: newest });
      expect(await run()).toBe(0);
      expect(platform.works(connectorId)).toHaveLength(1);
    } finally {
      await platform.stop();
      await feed.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
