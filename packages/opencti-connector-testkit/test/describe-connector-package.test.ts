import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConnectorConfig } from "@org/opencti-connector-sdk";
import { afterAll } from "vitest";
import { z } from "zod";
import { README_CONFIG_END, README_CONFIG_START, writeConnectorMetadata } from "../src/index.js";
import { describeConnectorPackage } from "../src/vitest/index.js";
import { ACME_MANIFEST } from "./support/acme-manifest.js";

const config = defineConnectorConfig({
  namespace: "acme",
  schema: z.object({ base_url: z.url().default("https://feed.example.com").describe("Where the feed is.") }),
  connector: { type: "EXTERNAL_IMPORT", name: "Acme Feed", scope: ["indicator"], durationPeriod: "P1D" },
});

// A connector package as the template lays it out, its generated files written by writeConnectorMetadata.
const dir = await mkdtemp(join(tmpdir(), "testkit-package-"));
await mkdir(join(dir, "__metadata__"));
await writeFile(join(dir, "__metadata__", "connector_manifest.json"), JSON.stringify(ACME_MANIFEST, null, 2));
await writeFile(join(dir, "README.md"), `# Acme Feed\n\n${README_CONFIG_START}\n${README_CONFIG_END}\n`);
await writeFile(join(dir, "docker-compose.yml"), "services:\n  connector-acme-feed:\n    stop_grace_period: 45s\n");
writeConnectorMetadata({ dir, config });
afterAll(() => rm(dir, { recursive: true, force: true }));

// Registers the generated files' staleness checks (3), the manifest check and the compose check: all pass here.
describeConnectorPackage({ dir, config });
