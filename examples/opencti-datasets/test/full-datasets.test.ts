import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintBundle } from "@org/opencti-connector-sdk";
import { describeWithBroker, LOCAL_AMQP_URL, useTestbed } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";
import { DatasetsConnector } from "../src/index.js";

/** The full datasets in the repository's sibling `shared/feeds/` folder (CI clones and the dev machine have it). */
const FULL_DATASETS = fileURLToPath(new URL("../../../../shared/feeds/opencti-datasets", import.meta.url));
const available = existsSync(join(FULL_DATASETS, "sectors.json"));
if (!available) console.warn(`${FULL_DATASETS} not found: the full-datasets test is skipped`);
const describeFull = available ? await describeWithBroker() : describe.skip;

describeFull("the full datasets end to end (testkit emulator, RabbitMQ)", () => {
  const bed = useTestbed({
    platform: { amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `ds${randomUUID().slice(0, 8)}`, references: "reject" },
    files: FULL_DATASETS,
  });

  it("imports the three files as one lint-clean whole (foreign ids), then nothing on the next run", async () => {
    const connectorId = randomUUID();
    const run = async () => {
      const env = {
        ...bed.platform.env(),
        CONNECTOR_ID: connectorId,
        CONNECTOR_RUN_AND_TERMINATE: "true",
        CONNECTOR_LOG_LEVEL: "error",
        DATASETS_BASE_URL: bed.files.url,
      };
      return (await new DatasetsConnector({ env, cwd: bed.cwd }).run()).exitCode;
    };
    expect(await run()).toBe(0);
    const [work] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work?.id ?? "", { timeoutMs: 60_000 })).toMatchObject({ errors: [] });
    // 121 + 539 + 63 objects, less the three copies of the author, plus the TLP:CLEAR marking.
    expect(bed.platform.countsByType()).toEqual({
      identity: 1 + 71 + 31,
      location: 272,
      relationship: 49 + 266 + 31,
      "marking-definition": 1,
    });
    expect(bed.platform.danglingReferences()).toEqual([]);
    const objects = bed.platform.objects();
    // A passthrough: the files' ids as given, an author and a marking on every object.
    const bundle = { type: "bundle", id: `bundle--${randomUUID()}`, objects };
    expect(lintBundle(bundle, { foreignIds: true }).findings).toEqual([]);
    expect(await run()).toBe(0);
    expect(bed.platform.works(connectorId)).toHaveLength(1);
  });
});
