import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { lintBundle } from "@org/opencti-connector-sdk";
import { describeWithBroker, LOCAL_AMQP_URL, useTestbed } from "@org/opencti-connector-testkit/vitest";
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
  const bed = useTestbed({
    platform: { amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `kev${randomUUID().slice(0, 8)}` },
    files: dirname(FULL_CATALOG),
  });

  it("imports every entry in one run, then nothing on the next", async () => {
    const catalog = await fullCatalog();
    const connectorId = randomUUID();
    const run = async () => {
      const env = {
        ...bed.platform.env(),
        CONNECTOR_ID: connectorId,
        CONNECTOR_RUN_AND_TERMINATE: "true",
        CONNECTOR_LOG_LEVEL: "error",
        CISA_KEV_FEED_URL: bed.files.fileUrl("known_exploited_vulnerabilities.json"),
      };
      return (await new CisaKevConnector({ env, cwd: bed.cwd }).run()).exitCode;
    };
    expect(await run()).toBe(0);
    const [work] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work?.id ?? "", { timeoutMs: 120_000 })).toMatchObject({ errors: [] });
    const software = new Set(catalog.vulnerabilities.map((e) => `${e.vendorProject.trim()}|${e.product.trim()}`));
    expect(bed.platform.countsByType()).toEqual({
      identity: 1,
      "marking-definition": 1,
      vulnerability: catalog.count,
      note: catalog.count,
      software: software.size,
      relationship: catalog.count,
    });
    const bundle = { type: "bundle", id: `bundle--${randomUUID()}`, objects: bed.platform.objects() };
    expect(lintBundle(bundle).findings).toEqual([]);
    const newest = catalog.vulnerabilities
      .map((e) => e.dateAdded)
      .sort()
      .at(-1);
    expect(bed.platform.state(connectorId)).toMatchObject({ last_date_added: newest });
    expect(await run()).toBe(0);
    expect(bed.platform.works(connectorId)).toHaveLength(1);
  });
});
