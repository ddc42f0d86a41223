/**
 * `pnpm metadata`: regenerates `__metadata__/connector_config_schema.json`, `__metadata__/CONNECTOR_CONFIG_DOC.md`
 * and the configuration tables of `README.md` from the connector's config definition (`src/index.ts`), formatted
 * with Biome when it is installed (as in the SDK's monorepo). `test/metadata.test.ts` fails when they are stale.
 */
import { join } from "node:path";
import { writeConnectorMetadata } from "@org/opencti-connector-testkit";
import { templateConfig } from "../src/index.js";

const dir = join(import.meta.dirname, "..");
for (const path of writeConnectorMetadata({ dir, config: templateConfig })) process.stdout.write(`Wrote ${path}\n`);
