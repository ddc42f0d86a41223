/** `pnpm docs:config`: regenerates `docs/configuration.md` at the repository root from the SDK's variable table. */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderConfigurationDocs } from "./config-docs.js";

const target = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/configuration.md");
writeFileSync(target, renderConfigurationDocs());
console.log(`Wrote ${target}`);
