/** `pnpm metadata`: regenerates the config schema, its doc and the README's configuration tables from `src/index.ts`. */
import { join } from "node:path";
import { writeConnectorMetadata } from "@org/opencti-connector-testkit";
import { datasetsConfig } from "../src/index.js";

const dir = join(import.meta.dirname, "..");
for (const path of writeConnectorMetadata({ dir, config: datasetsConfig })) process.stdout.write(`Wrote ${path}\n`);
