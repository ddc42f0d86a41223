/**
 * `pnpm metadata`: regenerates `__metadata__/connector_config_schema.json`, `__metadata__/CONNECTOR_CONFIG_DOC.md`
 * and the configuration tables of `README.md` from the connector's config definition (`src/index.ts`), then formats
 * them with Biome when it is installed (as in the SDK's monorepo). A test fails when they are stale.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CONNECTOR_DIR, renderMetadata } from "./metadata.js";

const written: string[] = [];
for (const [path, content] of Object.entries(renderMetadata())) {
  writeFileSync(join(CONNECTOR_DIR, path), content);
  written.push(join(CONNECTOR_DIR, path));
  process.stdout.write(`Wrote ${path}\n`);
}

let biome: string | undefined;
try {
  biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
} catch {
  // No Biome here (a standalone connector): the files stay as generated.
}
if (biome !== undefined) {
  const result = spawnSync(process.execPath, [biome, "format", "--write", ...written], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = 1;
}
