import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintBundle } from "@org/opencti-connector-sdk";
import { startFileServer, startPlatform } from "@org/opencti-connector-testkit";
import { describeWithBroker, LOCAL_AMQP_URL } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";
import { DatasetsConnector } from "../src/index.js";

/** The full datasets in the repository's sibling `shared/feeds/` folder (CI clones and the dev machine have it). */
const FULL_DATASETS = fileURLToPath(new URL("../../../../shared/feeds/opencti-datasets", import.meta.url));
const available = existsSync(join(FULL_DATASETS, "sectors.json"));
if (!available) console.warn(`${FULL_DATASETS} not found: the full-datasets test is skipped`);
const describeFull = available ? await describeWithBroker() : describe.skip;

describeFull("the full datasets end to end (testkit emulator, RabbitMQ)", () => {
  it("imports the three files as one lint-clean whole (foreign ids), then nothing on the next run", async () => {
    const platform = await startPlatform({
      amqp: { url: LOCAL_AMQP_URL },
      queuePrefix: `ds${randomUUID().slice(0, 8)}`,
      references: "reject",
    });
    const feed = await startFileServer({ dir: FULL_DATASETS });
    const cwd = await mkdtemp(join(tmpdir(), "datasets-full-"));
    try {
      const connectorId = randomUUID();
      const run = async () => {
        const env = {
          ...platform.env(),
          CONNECTOR_ID: connectorId,
          CONNECTOR_RUN_AND_TERMINATE: "true",
          CONNECTOR_LOG_LEVEL: "error",
          DATASETS_BASE_URL: feed.url,
        };
        return (await new DatasetsConnector({ env, cwd }).run()).exitCode;
      };
      expect(await run()).toBe(0);
      const [work] = platform.works(connectorId);
      expect(await platform.waitForWork(work?.id ?? "", { timeoutMs: 60_000 })).toMatchObject({ errors: [] });
      // 121 + 539 + 63 objects, less the three copies of the author, plus the TLP:CLEAR marking.
      expect(platform.countsByType()).toEqual({
        identity: 1 + 71 + 31,
        location: 272,
        relationship: 49 + 266 + 31,
        "marking-definition": 1,
      });
      expect(platform.danglingReferences()).toEqual([]);
      const objects = platform.objects();
      // A passthrough: the files' ids as given, an author and a marking on every object.
      const bundle = { type: "bundle", id: `bundle--${randomUUID()}`, objects };
      expect(lintBundle(bundle, { foreignIds: true }).findings).toEqual([]);
      expect(await run()).toBe(0);
      expect(platform.works(connectorId)).toHaveLength(1);
    } finally {
      await platform.stop();
      await feed.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
